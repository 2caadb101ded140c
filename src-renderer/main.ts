import './styles/fonts.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/print.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { settings } from './state/settings.svelte.js';
import { reportError } from './state/errors.svelte.js';
import { toasts } from './state/toasts.svelte.js';

window.addEventListener('error', (event) => {
  console.error(event.error ?? event.message);
  reportError(event.error ?? new Error(event.message));
});
window.addEventListener('unhandledrejection', (event) => {
  console.error(event.reason);
  reportError(event.reason);
});

async function start(): Promise<void> {
  const problem = await settings.load();
  settings.apply();
  const target = document.getElementById('app');
  if (!target) throw new Error('missing #app');
  mount(App, { target });
  if (problem) toasts.show('error', problem);
}

void start();
