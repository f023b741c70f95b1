// One function, four triggers. Work out which trigger sent the event and return:
//   API gateway  -> { kind: 'http',  path: event.path }
//   timer        -> { kind: 'timer', trigger: <the timer's name> }
//   COS upload   -> { kind: 'cos',   key: <the object key> }
//   CMQ message  -> { kind: 'queue', message: <the message body> }
// Anything else must throw an Error, so a wrongly wired trigger fails loudly instead of silently.
export const main_handler = async (event: any) => {
  return { kind: 'unknown' };
};
