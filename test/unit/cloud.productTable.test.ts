/**
 * The product table (src/cloud/products/index.ts) against the product files beside it and the
 * emulator: every product a file defines is in the table, has an endpoint rule, and is reachable
 * as `cloud.<key>` with the real client over HTTP.
 */

import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Cloud } from '../../src/cloud';
import { endpointHost } from '../../src/cloud/endpoints';
import { PRODUCT_TABLE } from '../../src/cloud/products';
import type { AnyProductDefinition } from '../../src/cloud/products/definition';
import type { Emulator } from '../../src/emulator';
import { cloudFor, emulator } from './cloud.harness';

const PRODUCTS_DIR = join(__dirname, '..', '..', 'src', 'cloud', 'products');

function isDefinition(value: unknown): value is AnyProductDefinition {
  const v = value as Partial<AnyProductDefinition> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.key === 'string' &&
    typeof v.api === 'function' &&
    typeof v.product?.endpoint === 'object'
  );
}

/** Every product definition the product files export, found by reading the folder (not the table). */
async function definitionsInFiles(): Promise<Array<{ file: string; definition: AnyProductDefinition }>> {
  const found: Array<{ file: string; definition: AnyProductDefinition }> = [];
  for (const file of readdirSync(PRODUCTS_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const module = (await import(join(PRODUCTS_DIR, file))) as Record<string, unknown>;
    for (const value of Object.values(module)) if (isDefinition(value)) found.push({ file, definition: value });
  }
  return found;
}

/** The first read-only method of a product's API: a list or describe call, else a get. */
function firstRead(api: object): string | undefined {
  const names = Object.keys(api);
  return names.find((n) => /^(describe|list)[A-Z]/.test(n)) ?? names.find((n) => /^get[A-Z]/.test(n));
}

describe('cloud product table', () => {
  let emu: Emulator;
  let cloud: Cloud;
  before(async () => {
    emu = await emulator();
    cloud = await cloudFor(emu);
  });
  after(() => emu.close());

  it('lists every product a product file defines, once, with distinct keys and codes', async () => {
    const defined = await definitionsInFiles();
    assert.ok(defined.length >= 10, `expected the ten products' definitions in ${PRODUCTS_DIR}, found ${defined.length}`);
    for (const { file, definition } of defined) {
      const listed = PRODUCT_TABLE.find((p) => p.key === definition.key);
      assert.ok(listed !== undefined, `${file} defines product "${definition.key}", which the table in products/index.ts does not list`);
      assert.equal(listed.product.code, definition.product.code, `${file}: the table's "${definition.key}" is another product`);
    }
    assert.equal(PRODUCT_TABLE.length, defined.length, 'the table lists something no product file defines');
    assert.equal(new Set(PRODUCT_TABLE.map((p) => p.key)).size, PRODUCT_TABLE.length, 'two products share a key');
    assert.equal(new Set(PRODUCT_TABLE.map((p) => p.product.code)).size, PRODUCT_TABLE.length, 'two products share a code');
  });

  it('gives every product an endpoint rule that names an aliyuncs.com host for a region', () => {
    for (const { key, product } of PRODUCT_TABLE) {
      for (const region of ['cn-hangzhou', 'eu-central-1']) {
        const host = endpointHost(product.endpoint, region);
        assert.match(host, /^[a-z0-9-]+(\.[a-z0-9-]+)*\.aliyuncs\.com$/, `${key} in ${region}: ${host}`);
        assert.ok(host.startsWith(product.endpoint.prefix), `${key} in ${region}: ${host} does not start with ${product.endpoint.prefix}`);
      }
    }
  });

  it('reaches every product as cloud.<key>: a read call lands on the product’s API version in the emulator', async () => {
    const apis = cloud as unknown as Record<string, object | undefined>;
    for (const { key, product } of PRODUCT_TABLE) {
      const api = apis[key];
      assert.ok(api !== undefined, `cloud.${key} is missing`);
      const method = firstRead(api);
      assert.ok(method !== undefined, `cloud.${key} has no describe/list/get call`);
      const action = method[0]!.toUpperCase() + method.slice(1);
      // Some reads need an id: a refusal of the parameters still proves the call reached the product.
      await (api as Record<string, (request: object) => Promise<unknown>>)[method]!({}).catch(() => undefined);
      const seen = emu.requests().filter((r) => r.action === action && r.version === product.version);
      assert.equal(seen.length, 1, `cloud.${key}.${method} should have sent one ${action} (${product.version}) to the emulator`);
      assert.notEqual(seen[0]!.code, 'InvalidAction.NotFound', `the emulator does not know ${action} in ${product.version}`);
    }
  });

  it('merges every product’s listings into cloud.lists', () => {
    for (const { key, listings } of PRODUCT_TABLE) {
      const names = Object.keys(listings?.(undefined, cloud.regionId) ?? {});
      for (const name of names)
        assert.equal(
          typeof (cloud.lists as unknown as Record<string, unknown>)[name],
          'function',
          `cloud.lists.${name} (of ${key}) is missing`,
        );
    }
  });
});
