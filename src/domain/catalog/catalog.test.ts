import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  KB_10905,
  MAILMARSHAL_COMPONENTS,
  ROLE_IDS,
  ROLES,
  RULE_IDS,
  compareVersions,
  describeRange,
  formatServices,
  inRange,
  isProductVersion,
  productName,
} from './index';
import { RULE_TEXTS, ruleNotes, ruleText } from './texts';

describe('versions', () => {
  it('compares major.minor numerically', () => {
    expect(compareVersions('10.0', '8.0')).toBeGreaterThan(0);
    expect(compareVersions('6.5', '6.10')).toBeLessThan(0);
    expect(compareVersions('7.1', '7.1')).toBe(0);
  });

  it('treats ranges as half-open', () => {
    expect(inRange('6.5', { from: '6.5' })).toBe(true);
    expect(inRange('6.0', { from: '6.5' })).toBe(false);
    expect(inRange('8.0', { before: '10.0' })).toBe(true);
    expect(inRange('10.0', { before: '10.0' })).toBe(false);
    expect(inRange('1.0', {})).toBe(true);
  });

  it('describes ranges and product names', () => {
    expect(describeRange({})).toBe('all versions');
    expect(describeRange({ from: '8.0' })).toBe('8.0 and later');
    expect(describeRange({ before: '10.0' })).toBe('before 10.0');
    expect(productName('7.1')).toBe('MailMarshal SMTP');
    expect(productName('8.0')).toBe('Trustwave SEG');
    expect(isProductVersion('10.0')).toBe(true);
    expect(isProductVersion('10')).toBe(false);
  });
});

describe('roles', () => {
  it('has the labels people see', () => {
    expect(ROLE_IDS.map((r) => ROLES[r].label)).toEqual([
      'Array Manager',
      'Processing node',
      'SQL Server',
      'Domain controller / LDAP',
      'DNS server',
      'Admin workstation',
      'Web components',
      'REST API client',
      'POP3 client',
      'Mail server',
      'Internet',
    ]);
  });

  it('counts the Array Manager, nodes and web components as MailMarshal components', () => {
    expect(MAILMARSHAL_COMPONENTS).toEqual(['array-manager', 'processing-node', 'web-components']);
  });
});

describe('catalog', () => {
  it('holds one entry per vendor table row, with the agreed ids, in order', () => {
    expect(CATALOG.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  // The vendor's ports, carried over exactly.
  it.each([
    ['smtp', 'tcp/25'],
    ['dns', 'udp/53, tcp/53'],
    ['spamcensor-updates', 'tcp/80, tcp/443'],
    ['node-http', 'tcp/80, tcp/443'],
    ['management-console', 'tcp/443'],
    ['pop3', 'tcp/110'],
    ['ldap', 'tcp/389'],
    ['sql', 'tcp/1433'],
    ['array-manager-service', 'tcp/19001'],
    ['controller-service', 'tcp/19001'],
    ['rest-api', 'tcp/19006'],
  ])('%s uses %s', (id, services) => {
    const rule = CATALOG.find((r) => r.id === id);
    expect(rule && formatServices(rule.services)).toBe(services);
  });

  it('cites KB 10905 for every rule', () => {
    for (const rule of CATALOG) {
      expect(rule.source).toBe(KB_10905);
      expect(rule.endpoints.length).toBeGreaterThan(0);
    }
  });

  // A rule's words live in texts.ts (loaded on demand); every rule needs them.
  it.each(RULE_IDS)('has the words for %s: when it is needed and why', (id) => {
    expect(Object.hasOwn(RULE_TEXTS, id)).toBe(true);
    expect(ruleText(id).explanation.length).toBeGreaterThan(80);
    expect(ruleText(id).condition.trim()).not.toBe('');
  });

  it('has words only for catalog rules', () => {
    expect(Object.keys(RULE_TEXTS).sort()).toEqual(CATALOG.map((r) => r.id).sort());
  });

  it('refuses a rule without words', () => {
    expect(() => ruleText('no-such-rule' as (typeof RULE_IDS)[number])).toThrow(/no-such-rule/);
  });

  it('sends SpamCensor updates to www.marshal.com and only that rule has a fixed destination', () => {
    expect(CATALOG.filter((r) => r.fixedDestinationAddress).map((r) => r.id)).toEqual(['spamcensor-updates']);
    expect(CATALOG.find((r) => r.id === 'spamcensor-updates')?.fixedDestinationAddress).toBe(
      'www.marshal.com',
    );
  });

  it('mentions certificate revocation lists for node web access from 7.1 only', () => {
    const crl = ruleText('node-http').notes.find((n) => /revocation/i.test(n.text));
    expect(crl?.versions).toEqual({ from: '7.1' });
    expect(ruleNotes('node-http', '7.1').map((n) => n.text)).toEqual([crl?.text]);
    expect(ruleNotes('node-http', '7.0')).toEqual([]);
  });

  it('keeps notes without versions at every version', () => {
    expect(
      ruleNotes('spamcensor-updates', '6.0')
        .map((n) => n.text)
        .join(' '),
    ).toMatch(/www\.marshal\.com/);
    expect(ruleNotes('spamcensor-updates', '10.0')).toHaveLength(1);
  });
});
