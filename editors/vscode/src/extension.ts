// Starts `cmklint lsp` for Bicep, .bicepparam and ARM JSON files and passes the settings on.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The command that runs the server: the configured path (a `cmklint.dll` runs under `dotnet`), else `cmklint` on PATH. */
export function serverCommand(configured: string | undefined): { command: string; args: string[] } {
  const value = (configured ?? '').trim();
  if (value.length === 0) {
    return { command: process.platform === 'win32' ? 'cmklint.exe' : 'cmklint', args: ['lsp'] };
  }

  if (value.toLowerCase().endsWith('.dll')) {
    return { command: 'dotnet', args: [value, 'lsp'] };
  }

  return { command: value, args: ['lsp'] };
}

function settings(): { includeInconclusive: boolean; failLevel: string } {
  const config = vscode.workspace.getConfiguration('cmklint');
  return {
    includeInconclusive: config.get<boolean>('includeInconclusive', false),
    failLevel: config.get<string>('failLevel', 'error'),
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const configured = vscode.workspace.getConfiguration('cmklint').get<string>('path');
  const { command, args } = serverCommand(configured);
  if (configured && configured.trim().length > 0 && path.isAbsolute(configured) && !fs.existsSync(configured)) {
    void vscode.window.showErrorMessage(`CmkLint: cmklint.path does not exist: ${configured}`);
    return;
  }

  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    // By file name, so it works with or without the Bicep extension's language ids.
    documentSelector: [
      { scheme: 'file', pattern: '**/*.bicep' },
      { scheme: 'file', pattern: '**/*.bicepparam' },
      { scheme: 'file', pattern: '**/*.json' },
      { scheme: 'file', pattern: '**/*.jsonc' },
    ],
    initializationOptions: settings(),
    synchronize: {
      configurationSection: 'cmklint',
    },
  };

  client = new LanguageClient('cmklint', 'CmkLint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      `CmkLint: cannot start '${command} ${args.join(' ')}' (${String(error)}). Install the tool (dotnet tool install --global cmklint) or set cmklint.path.`,
    );
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('cmklint.restart', async () => {
      await client?.stop();
      client = undefined;
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // A new executable needs a new process; the other settings reach the running server as didChangeConfiguration.
      if (event.affectsConfiguration('cmklint.path')) {
        await client?.stop();
        client = undefined;
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
