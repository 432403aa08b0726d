// leaklint for VS Code: a thin client that starts `leaklint lsp` over stdio.
// All analysis, quick fixes, confirmations and hover text come from the
// server; this file only finds the executable, passes the `leaklint.*`
// settings, watches `.leaklintrc.json` files, and offers restart /
// show-output / confirm-finding commands.
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

/**
 * "leaklint: Confirm finding": asks the server to confirm the leaklint
 * finding under the cursor by running it (workspace/executeCommand
 * `leaklint.confirm`, as the finding's "Confirm … by running it" code action
 * does). The language client already registers the server's
 * `leaklint.confirm` as a VS Code command, hence this command's other id.
 * The server shows the verdict: a message, and a line under the finding.
 */
async function confirmFinding() {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    vscode.window.showWarningMessage(
      'leaklint: open a JavaScript or TypeScript file with the server running.');
    return;
  }
  const doc = editor.document;
  const pos = editor.selection.active;
  const here = vscode.languages.getDiagnostics(doc.uri).filter(
    (d) => d.source === 'leaklint' && d.range.contains(pos));
  if (here.length === 0) {
    vscode.window.showInformationMessage(
      'leaklint: no finding under the cursor.');
    return;
  }
  const codeOf = (d) => String(
    d.code !== null && typeof d.code === 'object' ? d.code.value : d.code);
  let diag = here[0];
  if (here.length > 1) {
    const pick = await vscode.window.showQuickPick(
      here.map((d) => ({ label: codeOf(d), detail: d.message, diag: d })),
      { placeHolder: 'Which finding?' });
    if (!pick) return;
    diag = pick.diag;
  }
  const rule = codeOf(diag);
  try {
    await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: `leaklint: confirming ${rule}\u2026`,
    }, () => client.sendRequest('workspace/executeCommand', {
      command: 'leaklint.confirm',
      arguments: [client.code2ProtocolConverter.asUri(doc.uri),
                  diag.range.start.line, diag.range.start.character, rule],
    }));
  } catch (err) {
    vscode.window.showErrorMessage(
      `leaklint: ${err && err.message ? err.message : String(err)}`);
  }
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
    vscode.commands.registerCommand('leaklint.confirmFinding', confirmFinding),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('leaklint.path')) restart(context);
    }));
  await start(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
