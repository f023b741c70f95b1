import type { CliIO } from '../../../playground/cli/io.ts';

export interface FakeIO extends CliIO {
  out: string;
  err: string;
}

export function fakeIO(stdin = ''): FakeIO {
  const io: FakeIO = {
    out: '',
    err: '',
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    stdin: async () => stdin,
    color: false,
  };
  return io;
}
