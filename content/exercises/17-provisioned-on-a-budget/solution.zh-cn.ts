// 铃响之前就准备好的几个实例接住第一波请求，冷启动就不会越积越多；较短的保活时间让这波请求仍会启动的额外实例在高峰过后离开，
// 而不是占着内存再等十分钟。
export const config = {
  provisionedConcurrency: 4,
  keepAliveS: 120,
};

export const main_handler = async (event: { table: number; dishes: string[] }) => {
  return { table: event.table, accepted: event.dishes.length };
};
