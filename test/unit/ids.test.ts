/** src/ui/shell/model/ids.ts and package.json's `contributes` must name the same commands, views, keys and settings. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CommandId,
  ContextKey,
  ContextValue,
  SettingKey,
  SettingsSection,
  ViewContainerId,
  ViewId,
  ExtensionId,
} from '../../src/ui/shell/model/ids';

interface MenuEntry {
  command: string;
  when?: string;
}
interface Manifest {
  name: string;
  publisher: string;
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus?: Record<string, MenuEntry[]>;
    viewsContainers?: { activitybar?: { id: string }[] };
    views?: Record<string, { id: string }[]>;
    viewsWelcome?: { view: string; when?: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const ours = (id: string): boolean => id.startsWith(`${SettingsSection}.`);
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const whenClauses = (): string[] => [
  ...Object.values(manifest.contributes.menus ?? {}).flatMap((entries) => entries.map((entry) => entry.when ?? '')),
  ...(manifest.contributes.viewsWelcome ?? []).map((welcome) => welcome.when ?? ''),
];

describe('ids.ts against package.json', () => {
  it('contributes exactly the mcvpc.* commands ids.ts names', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).filter(ours);
    assert.deepEqual(sorted(contributed), sorted(Object.values(CommandId)));
  });

  it('gives every command a title in the "MaxCompute VPC" category', () => {
    for (const command of manifest.contributes.commands.filter((c) => ours(c.command))) {
      assert.equal(command.category, 'MaxCompute VPC', `${command.command} has category ${command.category}`);
      assert.ok(command.title.trim().length > 0, `${command.command} has no title`);
    }
  });

  it('puts only known commands in menus', () => {
    const known = new Set<string>(Object.values(CommandId));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus ?? {})) {
      for (const entry of entries.filter((e) => ours(e.command))) {
        assert.ok(known.has(entry.command), `menu ${menu} names ${entry.command}, which ids.ts does not know`);
      }
    }
  });

  it('uses only ids.ts context values in viewItem clauses and only ids.ts views in view clauses', () => {
    const contextValues = new Set<string>(Object.values(ContextValue));
    const views = new Set<string>(Object.values(ViewId));
    for (const when of whenClauses()) {
      for (const match of when.matchAll(/viewItem\s*==\s*([\w.-]+)/g)) {
        assert.ok(contextValues.has(match[1]!), `"${when}" names context value ${match[1]}, not in ids.ts`);
      }
      for (const match of when.matchAll(/\bview\s*==\s*([\w.-]+)/g)) {
        assert.ok(views.has(match[1]!), `"${when}" names view ${match[1]}, not in ids.ts`);
      }
    }
  });

  it('uses only ids.ts context keys for mcvpc.* keys in when clauses', () => {
    const allowed = new Set<string>([...Object.values(ContextKey), ...Object.values(ContextValue), ...Object.values(ViewId)]);
    for (const when of whenClauses()) {
      for (const match of when.matchAll(/\b(mcvpc\.[\w.]+)/g)) {
        assert.ok(allowed.has(match[1]!), `"${when}" uses ${match[1]}, which ids.ts does not declare`);
      }
    }
  });

  it('declares the view container and its views as ids.ts does', () => {
    assert.deepEqual(
      manifest.contributes.viewsContainers?.activitybar?.map((c) => c.id),
      [ViewContainerId],
    );
    assert.deepEqual(sorted((manifest.contributes.views?.[ViewContainerId] ?? []).map((v) => v.id)), sorted(Object.values(ViewId)));
    for (const welcome of manifest.contributes.viewsWelcome ?? []) {
      assert.ok((Object.values(ViewId) as string[]).includes(welcome.view), `viewsWelcome for unknown view ${welcome.view}`);
    }
  });

  it('contributes exactly the settings ids.ts reads', () => {
    const contributed = Object.keys(manifest.contributes.configuration.properties).filter(ours);
    assert.deepEqual(sorted(contributed), sorted(Object.values(SettingKey).map((key) => `${SettingsSection}.${key}`)));
  });

  it('names the extension as publisher.name and never activates on "*"', () => {
    assert.equal(ExtensionId, `${manifest.publisher}.${manifest.name}`);
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'activationEvents must stay lazy');
  });
});
