/**
 * The events SCF's API gateway sends the function behind a WebSocket API (tencentcloud.com 583/31437; the same
 * shapes exercise 09 uses): a client connecting, a client sending data, a client gone.
 */
export interface GatewayRequestContext {
  serviceId: string;
  path: string;
}

export function connectingEvent(secConnectionID: string, context: GatewayRequestContext): unknown {
  return {
    requestContext: {
      serviceId: context.serviceId,
      path: context.path,
      httpMethod: 'GET',
      requestId: `connect-${secConnectionID}`,
      identity: {},
      sourceIp: '10.0.2.14',
      stage: 'release',
      websocketEnable: true,
    },
    websocket: { action: 'connecting', secConnectionID },
  };
}

export function dataSendEvent(secConnectionID: string, data: string): unknown {
  return { websocket: { action: 'data send', secConnectionID, dataType: 'text', data } };
}

export function closingEvent(secConnectionID: string): unknown {
  return { websocket: { action: 'closing', secConnectionID } };
}
