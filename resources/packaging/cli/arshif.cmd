@echo off
rem arshif - the command line of the installed Arshif app (see resources/packaging/cli/arshif):
rem the app binary runs as Node on the bundled CLI, with better-sqlite3 built for that binary.
rem This file is resources\bin\arshif.cmd; add that folder to PATH to type `arshif`.
setlocal
set "RESOURCES=%~dp0.."
set ELECTRON_RUN_AS_NODE=1
set "ARSHIF_NATIVE_BINDING=%RESOURCES%\native\better_sqlite3.node"
if not defined ARSHIF_RENDERER_DIR set "ARSHIF_RENDERER_DIR=%RESOURCES%\app.asar\out\renderer"
"%RESOURCES%\..\Arshif.exe" "%RESOURCES%\cli\arshif.mjs" %*
exit /b %ERRORLEVEL%
