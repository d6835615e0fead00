/** Finding a spec's policy: the nearest mcvpc.config.json in its folder or above, up to the repository's root. */
import { access, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { defaultPolicy, parsePolicyConfig, POLICY_CONFIG_FILE, type PolicySettings } from '../core/policy';
import { readSpecText } from './specInput';

/** A config larger than this is not a config (it is read whole). */
const MAX_CONFIG_BYTES = 256 * 1024;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Policies by folder, so that 50 specs in one repository read its config once. */
export class PolicyConfigs {
  private readonly byFolder = new Map<string, Promise<{ settings: PolicySettings; file?: string }>>();

  /** The policy for a spec file, and the config it came from (none: the defaults). Throws PolicyConfigError for a bad config. */
  forSpec(specFile: string): Promise<{ settings: PolicySettings; file?: string }> {
    return this.forFolder(dirname(resolve(specFile)));
  }

  private forFolder(folder: string): Promise<{ settings: PolicySettings; file?: string }> {
    let found = this.byFolder.get(folder);
    if (found === undefined) {
      found = this.look(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private async look(folder: string): Promise<{ settings: PolicySettings; file?: string }> {
    const file = join(folder, POLICY_CONFIG_FILE);
    if (await exists(file)) {
      if ((await stat(file)).size > MAX_CONFIG_BYTES)
        throw new Error(
          `${file}: larger than ${MAX_CONFIG_BYTES / 1024} KiB, the most a ${POLICY_CONFIG_FILE} may be; is it the right file?`,
        );
      // Read with a bound too: the file may have grown since, or be a pipe.
      return { settings: parsePolicyConfig(await readSpecText(file, MAX_CONFIG_BYTES), file), file };
    }
    const parent = dirname(folder);
    // The repository's root (or the file system's) ends the search: a config above it is someone else's.
    if (parent === folder || (await exists(join(folder, '.git')))) return { settings: defaultPolicy() };
    return this.forFolder(parent);
  }
}
