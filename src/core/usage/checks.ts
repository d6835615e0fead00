/**
 * The checks of the lines that use a network link, pure: a document's text, its dialect and the
 * known links in; problems with their quick fixes (as text edits) out. The editor shows them as
 * diagnostics and code actions, `mcvpc lint` prints them and applies the preferred fixes.
 */
import type { Dialect } from './dialect';
import { addSettingsAfter, removeSetting, replaceSetting, replaceValue } from './edits';
import {
  CONF_FILE_ONLY_KEYS,
  CUPID_PREFIX,
  ENI_ENABLE_KEY,
  ENI_INFO_KEY,
  INTERNET_ACCESS_LIST_KEY,
  LEGACY_VPC_KEYS,
  SPARK_CODE_SETTINGS_REASON,
  SQL_NETWORK_LINK_FLAG,
  VPC_DOMAIN_LIST_KEY,
} from './facts';
import { checkForeignTables, type ForeignTableProblemCode } from './foreignTables';
import { isNetworkLinkReady } from '../networkLinkApi';
import { closestNames, editDistance, linkedVpcs, namedLinks, type KnownLink } from './knownLinks';
import { eniInfoValue } from './lines';
import { parseSettings, type ParsedDocument, type Setting } from './settings';
import { lineRange, type TextEdit, type TextRange } from './text';
import { badInternetAccessEntries, readDomainList, readEniInfo } from './vpcValues';

export type UsageProblemCode =
  | 'unknown-link'
  | 'link-not-ready'
  | 'missing-link-name'
  | 'eni-info-format'
  | 'eni-info-unlinked'
  | 'eni-enable-missing'
  | 'eni-info-missing'
  | 'no-effect-in-sql'
  | 'no-effect-in-spark'
  | 'conf-file-only'
  | 'legacy-vpc-key'
  | 'domain-list-json'
  | 'internet-access-list'
  | 'set-alone'
  | 'comment-after-set'
  | ForeignTableProblemCode;

export interface UsageFix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without asking: `mcvpc lint --fix` applies these, the editor marks them preferred. */
  preferred?: boolean;
}

export interface UsageProblem {
  code: UsageProblemCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: TextRange;
  fixes: UsageFix[];
  /** The VPC the problem is about and whether a known link reaches it (the editor then offers to create one). */
  vpc?: { regionId: string; vpcId: string; linked: boolean };
}

/** Every problem of a document's link usage. */
export function checkUsage(text: string, dialect: Dialect, links: readonly KnownLink[]): UsageProblem[] {
  const parsed = parseSettings(text, dialect);
  const problems: UsageProblem[] = [];
  for (const setting of parsed.settings) problems.push(...checkSetting(parsed, setting, links));
  problems.push(...checkEniPair(parsed, links));
  if (dialect === 'sql') problems.push(...checkSqlSets(parsed), ...checkForeignTables(text, parsed.doc, links));
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const is = (setting: Setting, key: string): boolean => setting.key === key;
const isNetworkLinkName = (s: Setting): boolean => s.key.toLowerCase() === SQL_NETWORK_LINK_FLAG || s.form === 'tableProperty';
const isSparkForm = (s: Setting): boolean => s.form === 'confLine' || s.form === 'submitConf' || s.form === 'codeCall';
const isEniKey = (s: Setting): boolean => s.key === ENI_ENABLE_KEY || s.key === ENI_INFO_KEY;
/** Fixes that write ENI settings: none into code, where they may not take effect (facts.ts, SPARK_CODE_SETTINGS_REASON). */
const eniFixes = (at: Setting, fixes: UsageFix[]): UsageFix[] => (at.form === 'codeCall' ? [] : fixes);

function checkSetting(parsed: ParsedDocument, setting: Setting, links: readonly KnownLink[]): UsageProblem[] {
  if (isNetworkLinkName(setting)) {
    if (isSparkForm(setting)) return [noEffectInSpark(parsed, setting, links)];
    return checkLinkName(setting, links);
  }
  if (!setting.key.startsWith(CUPID_PREFIX)) return [];
  if (setting.form === 'sqlSet' || setting.form === 'hint') {
    return [
      {
        code: 'no-effect-in-sql',
        severity: 'warning',
        message: `${setting.key} is a Spark on MaxCompute setting: it has no effect in SQL. SQL reaches the VPC with SET ${SQL_NETWORK_LINK_FLAG}=<link name>.`,
        range: setting.keyRange,
        fixes: [{ title: `Remove the ${setting.key} setting`, edits: [removeSetting(parsed, setting)] }],
      },
    ];
  }
  const problems: UsageProblem[] = [];
  const where = CONF_FILE_ONLY_KEYS.get(setting.key);
  if (setting.form === 'codeCall' && where !== undefined) {
    problems.push({
      code: 'conf-file-only',
      // Documented for some keys only (facts.ts): a guess is said as a hint, not a warning.
      severity: where === 'verified' ? 'warning' : 'info',
      message: isEniKey(setting)
        ? `${setting.key}: ${SPARK_CODE_SETTINGS_REASON}`
        : `${setting.key} takes effect only in spark-defaults.conf, spark-submit --conf or the DataWorks node's configuration, not when set in code.${where === 'UNVERIFIED' ? ' (Documented for vpc.domain.list and resources; assumed for this key.)' : ''}`,
      range: setting.keyRange,
      fixes: [],
    });
  }
  if (is(setting, ENI_INFO_KEY)) problems.push(...checkEniInfo(setting, links));
  if (is(setting, INTERNET_ACCESS_LIST_KEY)) {
    const bad = badInternetAccessEntries(setting.value);
    if (bad.length > 0)
      problems.push({
        code: 'internet-access-list',
        severity: 'error',
        message: `${INTERNET_ACCESS_LIST_KEY} takes host:port entries separated by commas; not: ${bad.map((b) => `"${b}"`).join(', ')}.`,
        range: setting.valueRange,
        fixes: [],
      });
  }
  if (LEGACY_VPC_KEYS.includes(setting.key)) problems.push(...checkLegacy(parsed, setting, links));
  return problems;
}

function checkLinkName(setting: Setting, links: readonly KnownLink[]): UsageProblem[] {
  const names = namedLinks(links).map((l) => l.name);
  const fixFor = (name: string, preferred: boolean): UsageFix => ({
    title: `Use the network link "${name}"`,
    edits: [replaceValue(setting, name)],
    preferred,
  });
  if (setting.value === '' || /^<.*>$/.test(setting.value)) {
    return [
      {
        code: 'missing-link-name',
        severity: 'error',
        message: 'Name the network link here (as created in the MaxCompute console).',
        range: setting.statementRange,
        fixes: names.slice(0, 5).map((n) => fixFor(n, false)),
      },
    ];
  }
  if (names.length === 0) return [];
  if (names.includes(setting.value)) return linkStatus(setting, links);
  const closest = closestNames(setting.value, names);
  const best = closest[0]!;
  const sameButCase = closest.find((n) => n.toLowerCase() === setting.value.toLowerCase());
  const near = editDistance(best.toLowerCase(), setting.value.toLowerCase()) <= 2;
  return [
    {
      code: 'unknown-link',
      severity: 'warning',
      message: `No known network link is named "${setting.value}"${near ? `; did you mean "${best}"?` : ` (known: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}).`}`,
      range: setting.valueRange,
      fixes: closest.map((n, i) =>
        fixFor(
          n,
          i === 0 &&
            (n === sameButCase ||
              (near && closest.filter((c) => editDistance(c.toLowerCase(), setting.value.toLowerCase()) <= 2).length === 1)),
        ),
      ),
    },
  ];
}

/** A link MaxCompute lists in a status other than SUCCESS: statements using it cannot reach the VPC yet. */
function linkStatus(setting: Setting, links: readonly KnownLink[]): UsageProblem[] {
  const listed = links.find((l) => l.name === setting.value && l.status !== undefined);
  if (listed === undefined || isNetworkLinkReady({ status: listed.status! })) return [];
  return [
    {
      code: 'link-not-ready',
      severity: 'warning',
      message: `The network link "${setting.value}" is in status ${listed.status || '(none)'} in ${listed.regionId}, not SUCCESS: statements using it cannot reach the VPC until it is.`,
      range: setting.valueRange,
      fixes: [],
    },
  ];
}

function noEffectInSpark(parsed: ParsedDocument, setting: Setting, links: readonly KnownLink[]): UsageProblem {
  const link = namedLinks(links).find((l) => l.name === setting.value);
  return {
    code: 'no-effect-in-spark',
    severity: 'warning',
    message: `${SQL_NETWORK_LINK_FLAG} is a SQL session flag: Spark ignores it. Spark reaches the VPC with ${ENI_ENABLE_KEY}=true and ${ENI_INFO_KEY}=<regionId>:<vpcId>${setting.form === 'codeCall' ? ', in spark-defaults.conf or spark-submit --conf (set in code they may not take effect)' : ''}.`,
    range: setting.keyRange,
    fixes: eniFixes(
      setting,
      link === undefined
        ? []
        : [
            {
              title: `Replace with the ENI settings of "${link.name}" (${eniInfoValue(link)})`,
              edits: [
                replaceSetting(parsed, setting, [
                  [ENI_ENABLE_KEY, 'true'],
                  [ENI_INFO_KEY, eniInfoValue(link)],
                ]),
              ],
              preferred: true,
            },
          ],
    ),
  };
}

function checkEniInfo(setting: Setting, links: readonly KnownLink[]): UsageProblem[] {
  const reading = readEniInfo(setting.value);
  const format = (message: string, fixed?: string): UsageProblem[] => [
    {
      code: 'eni-info-format',
      severity: 'error',
      message,
      range: setting.valueRange,
      fixes: fixed === undefined ? [] : [{ title: `Change to ${fixed}`, edits: [replaceValue(setting, fixed)], preferred: true }],
    },
  ];
  switch (reading.kind) {
    case 'spaces':
      return format(`${ENI_INFO_KEY} must be <regionId>:<vpcId> without spaces.`, reading.fixed);
    case 'reversed':
      return format(`${ENI_INFO_KEY} is <regionId>:<vpcId>, region first; this has the VPC first.`, reading.fixed);
    case 'zone':
      return format(`${ENI_INFO_KEY} takes the region, not the zone ${reading.zoneId}.`, reading.fixed);
    case 'malformed':
      return format(`${ENI_INFO_KEY} must be <regionId>:<vpcId>, e.g. cn-hangzhou:vpc-bp1…`);
    case 'ok':
      break;
  }
  if (links.length === 0) return [];
  const known = linkedVpcs(links);
  if (known.some((l) => l.regionId === reading.regionId && l.vpcId === reading.vpcId)) return [];
  const candidates = known.filter((l) => l.regionId === reading.regionId);
  return [
    {
      code: 'eni-info-unlinked',
      severity: 'warning',
      message: `No known network link reaches ${reading.vpcId} in ${reading.regionId}: the job cannot reach that VPC until a link is created for it.`,
      range: setting.valueRange,
      fixes: candidates.map((l) => ({
        title: `Use ${eniInfoValue(l)}${l.name !== undefined ? ` (link "${l.name}")` : ''}`,
        edits: [replaceValue(setting, eniInfoValue(l))],
      })),
      vpc: { regionId: reading.regionId, vpcId: reading.vpcId, linked: false },
    },
  ];
}

/** eni.info needs eni.enable=true, and the reverse. */
function checkEniPair(parsed: ParsedDocument, links: readonly KnownLink[]): UsageProblem[] {
  const spark = parsed.settings.filter(isSparkForm);
  const info = spark.find((s) => is(s, ENI_INFO_KEY));
  const enable = spark.find((s) => is(s, ENI_ENABLE_KEY));
  const enabled = enable !== undefined && enable.value.toLowerCase() === 'true';
  if (info !== undefined && !enabled) {
    return [
      {
        code: 'eni-enable-missing',
        severity: 'error',
        message:
          enable === undefined
            ? `${ENI_INFO_KEY} is ignored without ${ENI_ENABLE_KEY}=true.`
            : `${ENI_ENABLE_KEY} is "${enable.value}": ${ENI_INFO_KEY} is ignored unless it is true.`,
        range: enable === undefined ? info.keyRange : enable.valueRange,
        fixes: eniFixes(info, [
          {
            title: `Set ${ENI_ENABLE_KEY}=true`,
            edits: [enable === undefined ? addSettingsAfter(parsed, info, [[ENI_ENABLE_KEY, 'true']]) : replaceValue(enable, 'true')],
            preferred: true,
          },
        ]),
      },
    ];
  }
  if (enable !== undefined && enabled && info === undefined) {
    const vpcs = linkedVpcs(links);
    return [
      {
        code: 'eni-info-missing',
        severity: 'error',
        message: `${ENI_ENABLE_KEY}=true needs ${ENI_INFO_KEY}=<regionId>:<vpcId>, the VPC of the network link.`,
        range: enable.keyRange,
        fixes: eniFixes(
          enable,
          vpcs.map((l) => ({
            title: `Add ${ENI_INFO_KEY}=${eniInfoValue(l)}${l.name !== undefined ? ` (link "${l.name}")` : ''}`,
            edits: [addSettingsAfter(parsed, enable, [[ENI_INFO_KEY, eniInfoValue(l)]])],
            preferred: vpcs.length === 1,
          })),
        ),
      },
    ];
  }
  return [];
}

/** The legacy VPC keys; on vpc.domain.list, "Migrate to ENI" rewrites it (and the other legacy keys) into the two ENI settings. */
function checkLegacy(parsed: ParsedDocument, setting: Setting, links: readonly KnownLink[]): UsageProblem[] {
  const problems: UsageProblem[] = [];
  const legacy = parsed.settings.filter((s) => isSparkForm(s) && LEGACY_VPC_KEYS.includes(s.key));
  const hasEni = parsed.settings.some((s) => isSparkForm(s) && is(s, ENI_INFO_KEY));
  if (!is(setting, VPC_DOMAIN_LIST_KEY)) {
    problems.push({
      code: 'legacy-vpc-key',
      severity: hasEni ? 'warning' : 'info',
      message: `${setting.key} is the older way to reach a VPC; with a network link (ENI) it is not needed.`,
      range: setting.keyRange,
      fixes: hasEni
        ? [{ title: `Remove ${setting.key} (not needed with ENI)`, edits: [removeSetting(parsed, setting)], preferred: true }]
        : [],
    });
    return problems;
  }
  const reading = readDomainList(setting.value);
  if (!reading.ok) {
    problems.push({
      code: 'domain-list-json',
      severity: 'error',
      message: `${VPC_DOMAIN_LIST_KEY} ${reading.reason}.`,
      range: setting.valueRange,
      fixes: [],
    });
  }
  const regionId = reading.ok ? reading.regionId : undefined;
  const vpcId = reading.ok ? reading.vpcIds[0] : undefined;
  const others = legacy.filter((s) => s !== setting);
  let fix: UsageFix | undefined;
  let linkWords = '';
  let vpc: UsageProblem['vpc'];
  if (regionId !== undefined && vpcId !== undefined) {
    const link = linkedVpcs(links).find((l) => l.regionId === regionId && l.vpcId === vpcId);
    vpc = { regionId, vpcId, linked: link !== undefined };
    linkWords =
      link !== undefined
        ? ` A network link reaches ${vpcId}${link.name !== undefined ? ` ("${link.name}")` : ''}.`
        : ` No known network link reaches ${vpcId} yet: create one before the job runs.`;
    const eni: [string, string][] = [
      [ENI_ENABLE_KEY, 'true'],
      [ENI_INFO_KEY, `${regionId}:${vpcId}`],
    ];
    [fix] = eniFixes(hasEni ? ({ ...setting, form: 'confLine' } as Setting) : setting, [
      {
        title: `Migrate to ENI (${regionId}:${vpcId})`,
        edits: [
          hasEni ? removeSetting(parsed, setting) : replaceSetting(parsed, setting, eni),
          ...others.map((s) => removeSetting(parsed, s)),
        ],
        preferred: true,
      },
    ]);
  }
  const more =
    reading.ok && reading.vpcIds.length > 1
      ? ` It names ${reading.vpcIds.length} VPCs; a network link reaches one, so the others need a route from that VPC.`
      : '';
  problems.push({
    code: 'legacy-vpc-key',
    severity: 'warning',
    message: `${VPC_DOMAIN_LIST_KEY} is the older way to reach a VPC: use a network link with ${ENI_ENABLE_KEY} and ${ENI_INFO_KEY}.${linkWords}${more}`,
    range: setting.keyRange,
    fixes: fix === undefined ? [] : [fix],
    vpc,
  });
  return problems;
}

/** SQL: a networklink SET alone is not a job; DataWorks refuses a comment after a SET. */
function checkSqlSets(parsed: ParsedDocument): UsageProblem[] {
  const problems: UsageProblem[] = [];
  const sets = parsed.settings.filter((s) => s.form === 'sqlSet');
  for (const set of sets) {
    if (set.trailingComment !== undefined) {
      const line = parsed.doc.lines[set.line]!;
      const start = line.slice(0, set.trailingComment.start.character).trimEnd().length;
      problems.push({
        code: 'comment-after-set',
        severity: 'info',
        message: 'DataWorks ODPS SQL nodes refuse a comment after a SET statement: put the comment on its own line.',
        range: set.trailingComment,
        fixes: [
          {
            title: 'Move the comment above the SET',
            edits: [
              { range: lineRange(set.line, start, line.length), newText: '' },
              { range: lineRange(set.line, 0, 0), newText: `${line.slice(set.trailingComment.start.character)}${parsed.doc.eol}` },
            ],
            preferred: true,
          },
        ],
      });
    }
  }
  const link = sets.filter((s) => s.key.toLowerCase() === SQL_NETWORK_LINK_FLAG).pop();
  if (link !== undefined && !hasStatementAfter(parsed, link)) {
    problems.push({
      code: 'set-alone',
      severity: 'warning',
      message: `A SET alone is not a job: submit SET ${SQL_NETWORK_LINK_FLAG} together with the SQL statement that needs the link.`,
      range: link.statementRange,
      fixes: [],
    });
  }
  return problems;
}

/** True when a statement other than SET follows `set` in the file (comments aside). */
function hasStatementAfter(parsed: ParsedDocument, set: Setting): boolean {
  const rest = [parsed.doc.lines[set.line]!.slice(set.statementRange.end.character), ...parsed.doc.lines.slice(set.line + 1)]
    .join('\n')
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  return rest
    .split(';')
    .map((s) => s.trim())
    .some((s) => s !== '' && !/^set\s/i.test(s));
}

/** The edits of every problem's preferred fix, leaving out a fix whose edits overlap one already taken. */
export function preferredEdits(problems: readonly UsageProblem[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const key = (p: { line: number; character: number }): number => p.line * 1e6 + p.character;
  const overlaps = (a: TextEdit, b: TextEdit): boolean => key(a.range.start) < key(b.range.end) && key(b.range.start) < key(a.range.end);
  for (const problem of problems) {
    const fix = problem.fixes.find((f) => f.preferred === true);
    if (
      fix === undefined ||
      fix.edits.some((e) =>
        taken.some((t) => overlaps(e, t) || (key(e.range.start) === key(t.range.start) && key(e.range.end) === key(t.range.end))),
      )
    )
      continue;
    taken.push(...fix.edits);
  }
  return taken;
}
