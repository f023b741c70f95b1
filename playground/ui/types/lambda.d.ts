/**
 * Types for AWS Lambda Node.js handlers, in the shape of the `@types/aws-lambda` package, as the playground's editor
 * sees them. Import them with `import type { ... } from 'aws-lambda'`; they vanish from the compiled bundle.
 */
declare module 'aws-lambda' {
  export interface Context {
    callbackWaitsForEmptyEventLoop: boolean;
    functionName: string;
    functionVersion: string;
    invokedFunctionArn: string;
    memoryLimitInMB: string;
    awsRequestId: string;
    logGroupName: string;
    logStreamName: string;
    /** Milliseconds left before the platform stops this invocation. */
    getRemainingTimeInMillis(): number;
  }

  export type Callback<TResult = unknown> = (error?: Error | string | null, result?: TResult) => void;

  export type Handler<TEvent = unknown, TResult = unknown> = (
    event: TEvent,
    context: Context,
    callback: Callback<TResult>,
  ) => void | Promise<TResult>;

  /** API Gateway REST API (payload format 1.0). */
  export interface APIGatewayProxyEvent {
    body: string | null;
    headers: Record<string, string | undefined>;
    multiValueHeaders: Record<string, string[] | undefined>;
    httpMethod: string;
    isBase64Encoded: boolean;
    path: string;
    pathParameters: Record<string, string | undefined> | null;
    queryStringParameters: Record<string, string | undefined> | null;
    multiValueQueryStringParameters: Record<string, string[] | undefined> | null;
    stageVariables: Record<string, string | undefined> | null;
    requestContext: {
      accountId: string;
      apiId: string;
      httpMethod: string;
      path: string;
      protocol: string;
      requestId: string;
      requestTimeEpoch: number;
      resourceId: string;
      resourcePath: string;
      stage: string;
      identity: { sourceIp: string; userAgent: string | null };
    };
    resource: string;
  }

  export interface APIGatewayProxyResult {
    statusCode: number;
    headers?: Record<string, boolean | number | string>;
    multiValueHeaders?: Record<string, Array<boolean | number | string>>;
    body: string;
    isBase64Encoded?: boolean;
  }

  export type APIGatewayProxyHandler = Handler<APIGatewayProxyEvent, APIGatewayProxyResult>;

  /** API Gateway HTTP API and Lambda function URLs (payload format 2.0). */
  export interface APIGatewayProxyEventV2 {
    version: '2.0';
    routeKey: string;
    rawPath: string;
    rawQueryString: string;
    cookies?: string[];
    headers: Record<string, string | undefined>;
    queryStringParameters?: Record<string, string | undefined>;
    pathParameters?: Record<string, string | undefined>;
    stageVariables?: Record<string, string | undefined>;
    body?: string;
    isBase64Encoded: boolean;
    requestContext: {
      accountId: string;
      apiId: string;
      domainName: string;
      http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
      requestId: string;
      routeKey: string;
      stage: string;
      time: string;
      timeEpoch: number;
    };
  }

  export interface APIGatewayProxyStructuredResultV2 {
    statusCode?: number;
    headers?: Record<string, boolean | number | string>;
    body?: string;
    isBase64Encoded?: boolean;
    cookies?: string[];
  }

  export type APIGatewayProxyResultV2<T = never> = APIGatewayProxyStructuredResultV2 | string | T;

  export type APIGatewayProxyHandlerV2<T = never> = Handler<APIGatewayProxyEventV2, APIGatewayProxyResultV2<T>>;

  /** EventBridge (CloudWatch Events) scheduled event. */
  export interface ScheduledEvent {
    version: string;
    id: string;
    'detail-type': 'Scheduled Event';
    source: 'aws.events';
    account: string;
    time: string;
    region: string;
    resources: string[];
    detail: Record<string, never>;
  }

  export interface S3EventRecord {
    eventVersion: string;
    eventSource: 'aws:s3';
    awsRegion: string;
    eventTime: string;
    /** e.g. "ObjectCreated:Put". */
    eventName: string;
    userIdentity: { principalId: string };
    requestParameters: { sourceIPAddress: string };
    responseElements: Record<string, string>;
    s3: {
      s3SchemaVersion: string;
      configurationId: string;
      bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
      object: { key: string; size: number; eTag: string; versionId?: string; sequencer: string };
    };
  }

  export interface S3Event {
    Records: S3EventRecord[];
  }

  export interface SQSRecord {
    messageId: string;
    receiptHandle: string;
    body: string;
    attributes: Record<string, string>;
    messageAttributes: Record<string, unknown>;
    md5OfBody: string;
    eventSource: 'aws:sqs';
    eventSourceARN: string;
    awsRegion: string;
  }

  export interface SQSEvent {
    Records: SQSRecord[];
  }

  /** Return this from an SQS handler to retry only the messages that failed. */
  export interface SQSBatchResponse {
    batchItemFailures: Array<{ itemIdentifier: string }>;
  }
}
