// SCF trigger event shapes, trimmed to the fields this exercise reads.
// Sources: Tencent Cloud SCF "Trigger Event Message Structure Summary" (tencentcloud.com/document/product/583/31439)
// and the SCF CLI's CMQ sample event (tencentyun/scfcli events/cmq/notify.js).
export const apiGatewayEvent = {
  requestContext: { serviceId: 'service-f94sy04v', path: '/orders', httpMethod: 'POST', stage: 'release' },
  headers: { 'Content-Type': 'application/json' },
  body: '{"dish":"durian pizza"}',
  path: '/orders',
  queryString: {},
  httpMethod: 'POST',
};

export const timerEvent = {
  Type: 'Timer',
  TriggerName: 'EveryMorning',
  Time: '2019-08-17T01:00:00Z',
  Message: 'check yesterday',
};

export const cosEvent = {
  Records: [
    {
      cos: {
        cosSchemaVersion: '1.0',
        cosObject: { url: 'http://menu-1250000000.cos.ap-guangzhou.myqcloud.com/photos/pizza.jpg', key: '/1250000000/menu/photos/pizza.jpg', size: 1029 },
        cosBucket: { region: 'gz', name: 'menu', appid: '1250000000' },
      },
      event: { eventName: 'cos:ObjectCreated:Put', eventVersion: '1.0', eventSource: 'qcs::cos', eventTime: 1566004800 },
    },
  ],
};

export const queueEvent = {
  Records: [
    {
      CMQ: {
        type: 'topic',
        topicOwner: 1250000000,
        topicName: 'orders',
        subscriptionName: 'member-tags',
        publishTime: '2019-08-17T12:00:00.000Z',
        msgId: '123345346',
        requestId: '123345346',
        msgBody: 'order 42 paid',
        msgTag: 'paid',
      },
    },
  ],
};
