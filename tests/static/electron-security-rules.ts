/**
 * Static checks of the Electron shell's security settings, on the TypeScript syntax tree (not regexes):
 * every window's webPreferences keep the sandbox and context isolation and never gain Node, <webview>
 * or a disabled web security; the shell installs its guards; every renderer HTML page carries a CSP.
 */
import { parseDocument } from 'htmlparser2';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

/** Settings that must be present and literally `true`. */
const REQUIRED_TRUE = ['sandbox', 'contextIsolation'];
/** Settings that must be absent or literally `false`. */
const FORBIDDEN_TRUE = ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'allowRunningInsecureContent', 'experimentalFeatures'];
/** Settings that must be absent or literally `true`. */
const FORBIDDEN_FALSE = ['webSecurity', 'contextIsolation', 'sandbox'];

/** Calls the shell must make somewhere (method or event names), with why. */
export const REQUIRED_GUARDS: Array<[string, string]> = [
  ['enableSandbox', 'app.enableSandbox() must sandbox every renderer'],
  ['setWindowOpenHandler', 'new windows must be denied (setWindowOpenHandler)'],
  ['will-navigate', "navigation must be checked ('will-navigate')"],
  ['setPermissionRequestHandler', 'permission requests must be denied'],
  ['setPermissionCheckHandler', 'permission checks must be denied'],
  ['onBeforeRequest', 'network requests must be filtered (webRequest.onBeforeRequest)'],
  ['requestSingleInstanceLock', 'the app must hold a single-instance lock'],
  ['registerSchemesAsPrivileged', 'the app:// scheme must be registered as standard and secure'],
];

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return null;
}

function literalBoolean(expression: ts.Expression): boolean | null {
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  return null;
}

function isBrowserWindowConstructor(node: ts.NewExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'BrowserWindow' || callee.text === 'BrowserView' || callee.text === 'WebContentsView';
  if (ts.isPropertyAccessExpression(callee)) return ['BrowserWindow', 'BrowserView', 'WebContentsView'].includes(callee.name.text);
  return false;
}

function checkWebPreferences(prefs: ts.ObjectLiteralExpression, report: (node: ts.Node, message: string) => void): void {
  const values = new Map<string, ts.Expression>();
  for (const property of prefs.properties) {
    if (ts.isSpreadAssignment(property)) {
      report(property, 'webPreferences must not spread other objects: every setting has to be visible here');
      continue;
    }
    if (ts.isShorthandPropertyAssignment(property)) {
      values.set(property.name.text, property.name);
      continue;
    }
    if (!ts.isPropertyAssignment(property)) continue;
    const name = propertyName(property.name);
    if (name) values.set(name, property.initializer);
  }
  for (const name of REQUIRED_TRUE) {
    const value = values.get(name);
    if (!value) report(prefs, `webPreferences.${name} must be set to true`);
  }
  for (const [name, value] of values) {
    const literal = literalBoolean(value);
    if (REQUIRED_TRUE.includes(name) && literal !== true) report(value, `webPreferences.${name} must be the literal true`);
    if (FORBIDDEN_TRUE.includes(name) && literal !== false) report(value, `webPreferences.${name} must be absent or the literal false`);
    if (FORBIDDEN_FALSE.includes(name) && literal !== true && !REQUIRED_TRUE.includes(name)) report(value, `webPreferences.${name} must be absent or the literal true`);
  }
}

/** Window and webPreferences rules for one source file. */
export function checkElectronSource(file: string, source: string): Violation[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const violations: Violation[] = [];
  const report = (node: ts.Node, message: string) => {
    violations.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, message });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && isBrowserWindowConstructor(node)) {
      const options = node.arguments?.[0];
      if (!options || !ts.isObjectLiteralExpression(options)) {
        report(node, 'BrowserWindow options must be an inline object literal, so their security settings can be checked');
      } else {
        const prefs = options.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'webPreferences');
        if (!prefs) report(options, 'BrowserWindow needs explicit webPreferences (sandbox, contextIsolation)');
        if (options.properties.some(ts.isSpreadAssignment)) report(options, 'BrowserWindow options must not spread other objects that could carry webPreferences');
      }
    }
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'webPreferences') {
      if (ts.isObjectLiteralExpression(node.initializer)) checkWebPreferences(node.initializer, report);
      else report(node, 'webPreferences must be an inline object literal, so its settings can be checked');
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (name === 'loadFile') report(node, 'the renderer is loaded from app://, never from file://');
      if (name === 'openExternal' && !file.endsWith('external-links.ts')) report(node, 'shell.openExternal only in external-links.ts (http(s) only, after confirmation)');
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.startsWith('file://')) {
      report(node, 'file:// URLs are not used by the shell');
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return violations;
}

/** Names of every called method, accessed property and string literal in the sources. */
function namesUsed(sources: Array<{ file: string; source: string }>): Set<string> {
  const names = new Set<string>();
  for (const { file, source } of sources) {
    const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isPropertyAccessExpression(callee)) names.add(callee.name.text);
        else if (ts.isIdentifier(callee)) names.add(callee.text);
        for (const argument of node.arguments) if (ts.isStringLiteral(argument)) names.add(argument.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return names;
}

/** The shell-wide guards: each must be called somewhere in the app sources. */
export function checkRequiredGuards(sources: Array<{ file: string; source: string }>): Violation[] {
  const used = namesUsed(sources);
  return REQUIRED_GUARDS.filter(([name]) => !used.has(name)).map(([, why]) => ({ file: 'src-main/app', line: 0, message: why }));
}

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

interface HtmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

function elements(node: HtmlNode, name: string, found: HtmlNode[] = []): HtmlNode[] {
  if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
    if (node.name === name) found.push(node);
  }
  for (const child of node.children ?? []) elements(child, name, found);
  return found;
}

/** A renderer page must carry a strict CSP meta tag and no inline script. */
export function checkRendererHtml(file: string, html: string): Violation[] {
  const document = parseDocument(html) as unknown as HtmlNode;
  const violations: Violation[] = [];
  const report = (message: string) => violations.push({ file, line: 0, message });
  const metas = elements(document, 'meta').filter((m) => m.attribs?.['http-equiv']?.toLowerCase() === 'content-security-policy');
  if (metas.length === 0) report('no <meta http-equiv="Content-Security-Policy"> tag');
  for (const meta of metas) {
    const policy = directives(meta.attribs?.content ?? '');
    const scripts = policy.get('script-src') ?? policy.get('default-src');
    if (policy.get('default-src')?.join(' ') !== "'self'") report("CSP default-src must be 'self'");
    if (!scripts || scripts.join(' ') !== "'self'") report("CSP script-src must be exactly 'self' (no inline, no eval, no hosts)");
    if (policy.get('object-src')?.join(' ') !== "'none'") report("CSP object-src must be 'none'");
    const connect = policy.get('connect-src') ?? policy.get('default-src') ?? [];
    if (connect.some((v) => v !== "'self'")) report("CSP connect-src must be 'self' only (the app is offline)");
  }
  for (const script of elements(document, 'script')) {
    if (!script.attribs?.src) report('inline <script> is not allowed (the CSP forbids it; move it to a file)');
  }
  return violations;
}
