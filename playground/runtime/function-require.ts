import { callerSource } from './error-info.ts';
import type { StackMapper } from './error-info.ts';

/**
 * The `require` a function's bundle gets, over the host's: a failed require names the source file that asked (the
 * whole function is one bundle to the host, so its message would always name the entry), and a missing AWS SDK
 * says that Lambda ships it rather than leaving the developer to wonder why it works in the cloud.
 */
export function functionRequire(base: (specifier: string) => unknown, root: string, mapper: () => StackMapper | undefined): (specifier: string) => unknown {
  return (specifier) => {
    try {
      return base(specifier);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== 'MODULE_NOT_FOUND' || !(error instanceof Error)) throw error;
      // Only when this very require failed: a package's own missing dependency keeps its own require stack.
      const caller = error.message.startsWith(`Cannot find module '${specifier}'`) ? callerSource(new Error().stack ?? '', mapper()) : undefined;
      if (caller !== undefined) {
        const path = `${root.replace(/\/+$/, '')}/${caller}`;
        error.message = error.message.replace(/\nRequire stack:(\n- .*)+$/, '') + `\nRequire stack:\n- ${path}`;
        (error as { requireStack?: string[] }).requireStack = [path];
      }
      const hint = sdkHint(specifier);
      if (hint) error.message += `\n${hint}`;
      throw error;
    }
  };
}

function sdkHint(specifier: string): string | undefined {
  const name = /^(@aws-sdk\/[^/]+|aws-sdk)/.exec(specifier)?.[1];
  if (name === undefined) return undefined;
  if (name === 'aws-sdk') {
    return 'AWS SDK for JavaScript v2 ("aws-sdk") is included only in Lambda\'s nodejs16.x and older runtimes; on nodejs18.x and later use the v3 packages (@aws-sdk/*), or install it for the function: npm install aws-sdk';
  }
  return `Lambda's nodejs18.x and later runtimes include the AWS SDK for JavaScript v3, so functions often leave it out of package.json. Here it must be installed in the function's folder or a parent folder: npm install --save-dev ${name}`;
}
