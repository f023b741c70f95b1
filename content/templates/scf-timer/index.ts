// A timer trigger: SCF calls the function on the trigger's schedule (seven cron fields, seconds first) with an
// event naming the trigger, the time it fired and the trigger's own message.
interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
  Message: string;
}

export const main_handler = async (event: TimerEvent) => {
  const firedAt = new Date(event.Time);
  console.log(`${event.TriggerName} fired at ${firedAt.toISOString()}: ${event.Message}`);
  return { trigger: event.TriggerName, firedAt: firedAt.toISOString(), message: event.Message };
};
