/**
 * A PowerShell validator for tests (there is no PowerShell on Debian): the tree-sitter-powershell
 * grammar (prebuilt wasm, npm) run by web-tree-sitter parses the script, any ERROR or MISSING node
 * fails it, and a walk of the tree checks every cmdlet and parameter against the list below,
 * written from Microsoft's documentation. The grammar knows syntax, not cmdlets: the list is what
 * catches a misspelt cmdlet or parameter.
 *
 * Without the packages (npm install) `loadPowerShell` gives the reason instead of a parser.
 */
import { createRequire } from 'node:module';
import type { Node, Parser } from 'web-tree-sitter';

/*
 * Cmdlets and their parameters (lower case), from:
 *   https://learn.microsoft.com/en-us/powershell/module/netsecurity/new-netfirewallrule
 *   https://learn.microsoft.com/en-us/powershell/module/netsecurity/get-netfirewallrule
 *   https://learn.microsoft.com/en-us/powershell/module/netsecurity/remove-netfirewallrule
 *   https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/write-error
 *   https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/write-output
 *   https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/write-host
 *   https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/out-null
 *   https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_commonparameters
 *   https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/get-command
 *   https://learn.microsoft.com/en-us/powershell/module/dnsclient/resolve-dnsname
 * Only the cmdlets the generated scripts use, and the parameters of theirs that fit them.
 */
const COMMON = ['verbose', 'debug', 'erroraction', 'warningaction', 'informationaction', 'errorvariable'];
const RISK = ['whatif', 'confirm'];
const CIM = ['cimsession', 'throttlelimit', 'asjob', 'policystore', 'gposession'];

export const ALLOWED: Record<string, readonly string[]> = {
  'new-netfirewallrule': [
    'displayname',
    'name',
    'description',
    'group',
    'enabled',
    'profile',
    'platform',
    'direction',
    'action',
    'edgetraversalpolicy',
    'loosesourcemapping',
    'localonlymapping',
    'owner',
    'localaddress',
    'remoteaddress',
    'protocol',
    'localport',
    'remoteport',
    'icmptype',
    'dynamictarget',
    'program',
    'package',
    'service',
    'interfacealias',
    'interfacetype',
    'localuser',
    'remoteuser',
    'remotemachine',
    'authentication',
    'encryption',
    'overrideblockrules',
    ...CIM,
    ...COMMON,
    ...RISK,
  ],
  'get-netfirewallrule': [
    'all',
    'name',
    'displayname',
    'description',
    'displaygroup',
    'group',
    'enabled',
    'direction',
    'action',
    'associatednetfirewallprofile',
    ...CIM,
    ...COMMON,
  ],
  'remove-netfirewallrule': [
    'inputobject',
    'name',
    'displayname',
    'group',
    'displaygroup',
    ...CIM,
    ...COMMON,
    ...RISK,
  ],
  'write-error': [
    'message',
    'exception',
    'errorrecord',
    'category',
    'errorid',
    'targetobject',
    'recommendedaction',
    ...COMMON,
  ],
  'write-output': ['inputobject', 'noenumerate', ...COMMON],
  'write-host': ['object', 'nonewline', 'separator', 'foregroundcolor', 'backgroundcolor', ...COMMON],
  'out-null': ['inputobject'],
  'get-command': [
    'name',
    'verb',
    'noun',
    'module',
    'fullyqualifiedmodule',
    'commandtype',
    'totalcount',
    'syntax',
    'showcommandinfo',
    'argumentlist',
    'all',
    'listimported',
    'parametername',
    'parametertype',
    ...COMMON,
  ],
  'resolve-dnsname': [
    'name',
    'type',
    'server',
    'dnsonly',
    'cacheonly',
    'dnssecok',
    'dnsseccd',
    'nohostsfile',
    'llmnrnetbiosonly',
    'llmnrfallback',
    'llmnronly',
    'netbiosfallback',
    'noidn',
    'norecursion',
    'quicktimeout',
    'tcponly',
    ...COMMON,
  ],
};

/**
 * Switch parameters: a value is bound to one only with a colon (`-WhatIf:$x`); after a space it
 * is a positional argument of its own (about_Parameters).
 */
export const SWITCHES: readonly string[] = ['whatif', 'confirm'];

/** Values a parameter takes from a fixed set (documented enumerations), lower case. */
export const ENUMS: Record<string, readonly string[]> = {
  direction: ['inbound', 'outbound'],
  action: ['notconfigured', 'allow', 'block'],
  erroraction: ['break', 'suspend', 'ignore', 'inquire', 'continue', 'stop', 'silentlycontinue'],
};

export interface PowerShell {
  parse(text: string): Node;
}

/** The parser, or why it cannot be loaded (packages missing). */
export async function loadPowerShell(): Promise<PowerShell | string> {
  try {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
    const { Parser: P, Language } = await import('web-tree-sitter');
    await P.init();
    const parser: Parser = new P();
    parser.setLanguage(await Language.load(wasm));
    return {
      parse(text) {
        const tree = parser.parse(text);
        if (!tree) throw new Error('tree-sitter gave no tree');
        return tree.rootNode;
      },
    };
  } catch (e) {
    return `web-tree-sitter or tree-sitter-powershell not loaded (npm install): ${String(e)}`;
  }
}

/** Every node of the tree, depth first. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) if (child) yield* walk(child);
}

/** A string value as PowerShell reads it: the text between single quotes, '' made '. */
export function verbatimValue(node: Node): string | null {
  if (node.type !== 'string_literal' || !node.text.startsWith("'")) return null;
  return node.text.slice(1, -1).replace(/''/g, "'");
}

/**
 * The value bound to a parameter of a command with a colon and nothing else between them
 * (`-WhatIf:$WhatIfPreference` gives "$WhatIfPreference"), or null when the parameter is absent or
 * its value is not bound that way. Read from the tree: the grammar puts the colon in a
 * command_argument_sep.
 */
export function colonValue(command: Node, parameter: string): string | null {
  const elements = (command.childForFieldName('command_elements')?.namedChildren ?? []).filter(
    (e): e is Node => e !== null,
  );
  const at = elements.findIndex(
    (e) => e.type === 'command_parameter' && e.text.slice(1).toLowerCase() === parameter.toLowerCase(),
  );
  if (at < 0) return null;
  const [separator, value] = [elements[at + 1], elements[at + 2]];
  if (separator?.type !== 'command_argument_sep' || separator.text !== ':') return null;
  if (!value || value.type === 'command_argument_sep' || value.type === 'command_parameter') return null;
  return value.text;
}

/**
 * What is wrong with the script: syntax errors (ERROR or MISSING nodes, with their line), cmdlets
 * not in the list, parameters the cmdlet does not have, enumerated values out of their set, a
 * switch followed by a value after a space (a positional argument, not the switch's value).
 */
export function problems(root: Node): string[] {
  const out: string[] = [];
  for (const node of walk(root)) {
    const at = `line ${node.startPosition.row + 1}`;
    if (node.isError) out.push(`${at}: syntax error at ${JSON.stringify(node.text.slice(0, 60))}`);
    else if (node.isMissing) out.push(`${at}: missing ${node.type}`);
    if (node.type !== 'command') continue;
    const nameNode = node.childForFieldName('command_name');
    const name = nameNode?.text.toLowerCase() ?? '';
    const allowed = ALLOWED[name];
    if (!allowed) {
      out.push(`${at}: cmdlet ${JSON.stringify(nameNode?.text ?? node.text)} is not in the list`);
      continue;
    }
    const elements = node.childForFieldName('command_elements')?.namedChildren ?? [];
    const args = elements.filter((e): e is Node => e !== null && e.type !== 'command_argument_sep');
    args.forEach((arg, i) => {
      if (arg.type !== 'command_parameter') return;
      const parameter = arg.text.replace(/^-/, '').replace(/:$/, '').toLowerCase();
      if (!allowed.includes(parameter)) {
        out.push(`${at}: ${nameNode!.text} has no parameter ${arg.text}`);
        return;
      }
      const next = args[i + 1];
      if (SWITCHES.includes(parameter) && next && next.type !== 'command_parameter') {
        const between = elements[elements.indexOf(arg) + 1];
        if (between?.type !== 'command_argument_sep' || between.text !== ':')
          out.push(
            `${at}: ${arg.text} is a switch: "${next.text}" after it is not its value (use ${arg.text}:value)`,
          );
      }
      const values = ENUMS[parameter];
      if (!values || !next || next.type === 'command_parameter') return;
      for (const s of [...walk(next)].filter(
        (n) => n.type === 'string_literal' || n.type === 'generic_token',
      )) {
        const value = (verbatimValue(s) ?? s.text).toLowerCase();
        if (!values.includes(value)) out.push(`${at}: ${arg.text} does not take ${JSON.stringify(s.text)}`);
      }
    });
  }
  return out;
}
