// 这是练习 1 的答案，是为腾讯云 SCF 写的。现在函数改为部署在 AWS Lambda 上，执行方法配置为 `index.handler`，
// 前面是 API Gateway HTTP API。把它迁移过来：问候语不变，名字换成 Lambda 的。
export const main_handler = async (event: any, context: any) => {
  console.log(`request ${context.request_id} for ${event.path}`);
  const name = event.queryString?.name ?? 'world';
  return {
    isBase64Encoded: false,
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ hello: name }),
  };
};
