/** The command-line tool's way to the same figures, for where the browser cannot measure them (not translated: commands). */
export const CLI_PROFILE_COMMAND = 'npx hello-serverless invoke <dir> --profile out.cpuprofile';
export const CLI_MONITOR_COMMAND = 'npx hello-serverless load content/examples/c2-leaky-cache --requests 400 --concurrency 20 --monitor';
