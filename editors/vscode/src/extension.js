// leaklint for VS Code: a thin client that starts `leaklint lsp` over stdio.
// All analysis, quick fixes and hover text come from the server; this file
// only finds the executable, passes the `leaklint.*` settings, watches
// `.leaklintrc.json` files, and offers restart / show-output commands.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

/**
 * The leaklint executable: the `leaklint.path` setting, else the first
 * `leaklint` on PATH. Returns undefined when there is none.
 * @returns {string | undefined}
 */
function findServer() {
  const configured = vscode.workspace.getConfiguration('leaklint').get('path');
  if (typeof configured === 'string' && configured.trim() !== '') {
    return configured.trim();
  }
  const names = process.platform === 'win32'
    ? ['leaklint.exe', 'leaklint.cmd', 'leaklint'] : ['leaklint'];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch (_) {
        // not here
      }
    }
  }
  return undefined;
}

/** The settings in the shape the server reads. */
function serverSettings() {
  const cfg = vscode.workspace.getConfiguration('leaklint');
  const settings = { rules: cfg.get('rules') || {}, run: cfg.get('run') };
  const env = cfg.get('env');
  if (Array.isArray(env) && env.length > 0) settings.env = env;
  return { leaklint: settings };
}

/** @param {vscode.ExtensionContext} context */
async function start(context) {
  const command = findServer();
  if (!command) {
    const choice = await vscode.window.showErrorMessage(
      'leaklint: the `leaklint` executable was not found on PATH. ' +
      'Install it or set "leaklint.path".', 'Open Settings');
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings',
                                     'leaklint.path');
    }
    return;
  }
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'javascriptreact' },
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
      { scheme: 'untitled', language: 'javascript' },
      { scheme: 'untitled', language: 'typescript' },
    ],
    initializationOptions: serverSettings(),
    synchronize: {
      configurationSection: 'leaklint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.leaklintrc.json'),
    },
    outputChannel: output,
  };
  client = new LanguageClient('leaklint', 'leaklint', serverOptions,
                              clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

async function restart(context) {
  if (client) {
    const old = client;
    client = undefined;
    await old.stop();
  }
  await start(context);
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel('leaklint');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('leaklint.restartServer',
                                    () => restart(context)),
    vscode.commands.registerCommand('leaklint.showOutput',
                                    () => output && output.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('leaklint.path')) restart(context);
    }));
  await start(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
