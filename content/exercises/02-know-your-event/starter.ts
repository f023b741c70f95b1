// One function, four triggers. Work out which trigger sent the event and return:
//   API gateway  -> { kind: 'http',  path: event.path }
//   timer        -> { kind: 'timer', trigger: <the timer's name> }
//   COS upload   -> { kind: 'cos',   key: <Records[0].cos.cosObject.key exactly as it comes, with its /<appid>/<bucket>/ prefix> }
//   CMQ message  -> { kind: 'queue', message: <the message body> }
// The four event shapes are shown under the starter code on the exercise page; each result holds only these fields.
// Anything else must throw an Error, so a wrongly wired trigger fails loudly instead of silently.
export const main_handler = async (event: any) => {
  return { kind: 'unknown' };
};
