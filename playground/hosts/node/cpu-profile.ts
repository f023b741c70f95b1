/** V8's CPU profile, the `.cpuprofile` format Chrome DevTools and speedscope open. */
export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Microseconds. */
  startTime: number;
  endTime: number;
  /** The node sampled at each tick, by id. */
  samples: number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  timeDeltas: number[];
}

export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}

export interface CallFrame {
  functionName: string;
  scriptId: string | number;
  url: string;
  /** 0-based; -1 where V8 has no position. */
  lineNumber: number;
  columnNumber: number;
}

/**
 * Which invocation the host profiles, asked as each request is sent to an instance (`warm`: the instance has
 * answered a request before). The asker keeps its own count: the host profiles every request it is told to.
 */
export interface CpuProfileRequest {
  wants(requestId: string, instanceId: string, warm: boolean): boolean;
  onProfile(result: ProfiledInvocation): void;
}

export interface ProfiledInvocation {
  requestId: string;
  instanceId: string;
  /** Absent when the profiler could not run; `problem` then says why. */
  profile?: CpuProfile;
  problem?: string;
}
