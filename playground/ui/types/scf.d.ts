/**
 * Types for Tencent Cloud SCF (Serverless Cloud Function) handlers on Node.js, as the playground's editor sees them.
 * Event shapes follow Tencent's "trigger event message structure" pages (tencentcloud.com 583/31439).
 * Import them with `import type { ... } from 'scf'`; they vanish from the compiled bundle.
 */
declare module 'scf' {
  export interface SCFContext {
    request_id: string;
    function_name: string;
    function_version: string;
    memory_limit_in_mb: number;
    time_limit_in_ms: number;
    namespace: string;
    tencentcloud_region: string;
    tencentcloud_appid?: string;
    tencentcloud_uin?: string;
    /** The function's environment variables as a JSON string, as SCF passes them. */
    environment?: string;
    /** Set to false to answer as soon as the handler returns, without waiting for pending timers. */
    callbackWaitsForEmptyEventLoop?: boolean;
  }

  export type SCFCallback<T = unknown> = (error: Error | string | null | undefined, result?: T) => void;

  /** `exports.main_handler = async (event, context) => ...` or the callback style `(event, context, callback)`. */
  export type SCFHandler<E = unknown, R = unknown> = (
    event: E,
    context: SCFContext,
    callback: SCFCallback<R>,
  ) => void | Promise<R>;

  /** API Gateway trigger (integrated request). */
  export interface SCFAPIGatewayEvent {
    requestContext: {
      serviceId: string;
      path: string;
      httpMethod: string;
      requestId: string;
      identity?: Record<string, string>;
      sourceIp: string;
      stage: string;
      websocketEnable?: boolean;
    };
    headers: Record<string, string>;
    body?: string;
    pathParameters: Record<string, string>;
    queryStringParameters: Record<string, string>;
    headerParameters: Record<string, string>;
    stageVariables: Record<string, string>;
    path: string;
    queryString: Record<string, string | undefined>;
    httpMethod: string;
    isBase64Encoded?: boolean;
  }

  /** What an API Gateway integrated response must look like, or the gateway answers "Invalid scf response format". */
  export interface SCFAPIGatewayResponse {
    isBase64Encoded: boolean;
    statusCode: number;
    headers?: Record<string, string>;
    body: string;
  }

  /** Timer trigger (cron with seven fields: second minute hour day month weekday year). */
  export interface SCFTimerEvent {
    Type: 'Timer';
    TriggerName: string;
    /** UTC, e.g. "2019-02-21T11:49:00Z". */
    Time: string;
    Message: string;
  }

  /** COS (object storage) trigger. */
  export interface SCFCOSEvent {
    Records: Array<{
      cos: {
        cosSchemaVersion: string;
        cosObject: {
          url: string;
          meta: Record<string, string>;
          vid: string;
          /** "/<appid>/<bucket>/<object key>". */
          key: string;
          size: number;
        };
        cosBucket: { region: string; name: string; appid: string };
        cosNotificationId: string;
      };
      event: {
        /** e.g. "cos:ObjectCreated:Put", "cos:ObjectRemove:Delete". */
        eventName: string;
        eventVersion: string;
        eventTime: number;
        eventSource: string;
        requestParameters: { requestSourceIP: string; requestHeaders: Record<string, string> };
        eventQueue?: string;
        reservedInfo?: string;
        reqid?: number;
      };
    }>;
  }

  /** CMQ topic (message queue) trigger. */
  export interface SCFCMQEvent {
    Records: Array<{
      CMQ: {
        type: 'topic';
        topicOwner: number;
        topicName: string;
        subscriptionName: string;
        publishTime: string;
        msgId: string;
        requestId: string;
        msgBody: string;
        msgTag: string[];
      };
    }>;
  }
}
