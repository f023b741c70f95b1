/** Everything a CLI command touches outside itself, so commands run the same under a terminal and under a test. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin(): Promise<string>;
  /** False when NO_COLOR is set or the output is not a terminal. */
  color: boolean;
}
