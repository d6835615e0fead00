/**
 * An AccessKey the person typed in ("Sign in with an AccessKey…"), kept in VS Code's
 * SecretStorage (the OS keychain), never in settings or files. Used only when no aliyun CLI
 * profile or environment credentials exist, so a configured profile always wins.
 */
import type * as vscode from 'vscode';

const SECRET_KEY = 'mcvpc.accessKey';

/** An AccessKey pair. The secret never reaches a log or a message. */
export interface AccessKeyPair {
  accessKeyId: string;
  accessKeySecret: string;
}

/** Reads and writes the stored AccessKey. */
export class StoredAccessKey {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored pair, if one is stored and readable. */
  async read(): Promise<AccessKeyPair | undefined> {
    const text = await this.secrets.get(SECRET_KEY);
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as Partial<AccessKeyPair>;
      return typeof value.accessKeyId === 'string' && typeof value.accessKeySecret === 'string'
        ? { accessKeyId: value.accessKeyId, accessKeySecret: value.accessKeySecret }
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores a pair (replacing any). */
  async write(pair: AccessKeyPair): Promise<void> {
    await this.secrets.store(SECRET_KEY, JSON.stringify(pair));
  }

  /** Forgets the stored pair. */
  async remove(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }
}
