#!/usr/bin/env node
// Plain JavaScript, so that an older Node gets this message rather than ERR_UNKNOWN_FILE_EXTENSION: the CLI is
// TypeScript that Node runs by stripping its types, which Node 22.18 and later do by default.
if (!process.features.typescript) {
  process.stderr.write(
    `hello-serverless needs a Node.js that runs TypeScript (22.18 or later); this is ${process.version}${process.features.typescript === false ? ' with type stripping turned off' : ''}. ` +
      'In this project, `npx hello-serverless` uses the Node it pins.\n',
  );
  process.exit(2);
}
const { runCli } = await import('./main.ts');
runCli();
