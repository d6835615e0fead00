/**
 * What the suites that run the bundled CLI as its own process share: an environment without the
 * caller's cloud settings, an aliyun CLI profile where the aliyun CLI keeps it, and one way to run
 * `mcvpc` and collect its exit code and output.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SEED } from '../../../src/emulator/seed';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** This process's environment without credentials, endpoints or MCVPC_* settings, and no metadata server. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ALIBABA_CLOUD_|ALIBABACLOUD_|ALICLOUD_|MCVPC_)/.test(k)));
  return { ...keep, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ...extra };
}

/** Writes `$home/.aliyun/config.json` with one AccessKey profile of the emulator's main account, current. */
export async function writeAliyunProfile(home: string, options: { name?: string; regionId?: string; secret?: string } = {}): Promise<void> {
  const m = DEFAULT_SEED.main;
  const name = options.name ?? 'ci';
  await mkdir(join(home, '.aliyun'), { recursive: true });
  await writeFile(
    join(home, '.aliyun', 'config.json'),
    JSON.stringify({
      current: name,
      profiles: [
        {
          name,
          mode: 'AK',
          access_key_id: m.accessKeyId,
          access_key_secret: options.secret ?? m.accessKeySecret,
          region_id: options.regionId ?? DEFAULT_SEED.regionId,
        },
      ],
    }),
  );
}

/** Runs the bundled CLI; stdin is closed, so the CLI never sees a terminal. */
export function runMcvpc(cli: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd: options.cwd, env: options.env, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 99, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}
