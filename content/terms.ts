/**
 * The site's terms, one entry per concept: the Chinese every Chinese page, code comment and UI string uses, the
 * English forms that may stand in Chinese text, and the variants a reader would stumble on. The glossary pages render
 * their entries from here (src/components/GlossaryTerms.astro), and test/unit/content/zh-terms.test.ts fails on any
 * rejected variant in the Chinese files, so the glossary and the pages cannot drift apart.
 *
 * Chinese follows Tencent Cloud's console and docs where they have a term; `source` says where each choice comes
 * from. "Tencent Cloud docs 583/N" is https://cloud.tencent.com/document/product/583/N; serverlesscloud.cn dates are
 * the articles of github.com/ServerlessCN/serverlesscloud.cn; "issue 16" is the Chinese editor's review of this site.
 */

export type Lang = 'en' | 'zh-cn';

/** A variant to reject: a literal string, or a pattern where a string would also catch correct text. */
export type Rejected = string | RegExp;

export interface Term {
  /** Stable id; for glossary entries also the anchor, the same on both language pages (/glossary/#cold-start). */
  id: string;
  en: string;
  /** The preferred Chinese. */
  zh: string;
  /** Forms accepted inside Chinese text although they contain a rejected variant: code names, cited titles. */
  accepted?: readonly string[];
  reject?: readonly Rejected[];
  /** Where the Chinese comes from, or that it is our choice. */
  source: string;
  /** Absent for usage rules that are not glossary entries (what the meetup's talks are called, for example). */
  glossary?: {
    section: GlossarySection;
    /** The docs page that explains the term, as a path below the language root. */
    guide: string;
    meaning: Record<Lang, string>;
  };
}

export const glossarySections = ['platform', 'instances', 'scaling', 'triggers', 'errors', 'observability', 'tooling'] as const;
export type GlossarySection = (typeof glossarySections)[number];

export const terms: readonly Term[] = [
  {
    id: 'serverless',
    en: 'Serverless',
    zh: '无服务器',
    source: 'meetup recap (serverlesscloud.cn 2019-08-19)',
    glossary: {
      section: 'platform',
      guide: 'concepts/what-is-serverless',
      meaning: {
        en: 'A way of running code where the cloud vendor owns the servers, scales them for you and bills you only for what you use.',
        'zh-cn': '服务器归云厂商管，扩缩容由平台负责，你只为实际用到的资源付费的一种运行代码的方式。',
      },
    },
  },
  {
    id: 'faas',
    en: 'Function as a Service (FaaS)',
    zh: '函数即服务',
    source: 'serverlesscloud.cn 2019-08-12-nodejs.md',
    glossary: {
      section: 'platform',
      guide: 'concepts/what-is-serverless',
      meaning: {
        en: 'You upload a function, the platform runs it whenever an event arrives, and you pay per call and per running time.',
        'zh-cn': '上传一个函数，事件来了平台就运行它，按调用次数和运行时长计费。',
      },
    },
  },
  {
    id: 'baas',
    en: 'Backend as a Service (BaaS)',
    zh: 'BaaS（后端服务）',
    source: 'serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk)',
    glossary: {
      section: 'platform',
      guide: 'concepts/what-is-serverless',
      meaning: {
        en: 'Ready-made managed services, such as storage, databases, queues or auth, that a function calls instead of servers you run.',
        'zh-cn': '存储、数据库、消息队列、鉴权等现成的托管服务，函数直接调用它们，不用自己搭服务器。',
      },
    },
  },
  {
    id: 'pay-per-use',
    en: 'Pay-per-use',
    zh: '按量计费',
    source: 'Tencent Cloud billing pages (按量计费)',
    glossary: {
      section: 'platform',
      guide: 'concepts/what-is-serverless',
      meaning: {
        en: 'Billing that counts requests and running time instead of reserved machines, so an idle function costs close to nothing.',
        'zh-cn': '按请求数和运行时长收费，而不是按预留的机器收费，所以没人调用的函数几乎不花钱。',
      },
    },
  },
  {
    id: 'scf',
    en: 'Serverless Cloud Function (SCF)',
    zh: '云函数',
    source: 'meetup recap; SCF CLI README',
    glossary: {
      section: 'platform',
      guide: 'concepts/functions-and-handlers',
      meaning: {
        en: 'Tencent Cloud\'s FaaS product, the platform behind most examples on this site.',
        'zh-cn': '腾讯云的 FaaS 产品（Serverless Cloud Function），本站大多数示例都以它为准。',
      },
    },
  },
  {
    id: 'handler',
    en: 'Handler',
    zh: '执行方法',
    accepted: ['（handler）', 'export const handler', 'index.handler', 'index.main_handler', 'main_handler', 'Runtime.HandlerNotFound'],
    reject: ['入口函数', '函数入口', /\bhandler\b/i],
    source: 'Tencent Cloud docs 583/67790 (执行方法); settled in issue 16',
    glossary: {
      section: 'platform',
      guide: 'concepts/functions-and-handlers',
      meaning: {
        en: 'The exported function the platform calls for every event, named as `file.function` on SCF, for example `index.main_handler`.',
        'zh-cn': '每来一个事件平台就调用一次的导出函数，SCF 里写成“文件名.方法名”，比如 `index.main_handler`。',
      },
    },
  },
  {
    id: 'entry-file',
    en: 'Entry file',
    zh: '入口文件',
    source: 'Tencent Cloud docs 583/67790',
    glossary: {
      section: 'platform',
      guide: 'concepts/functions-and-handlers',
      meaning: {
        en: 'The source file that holds the handler; its top-level code runs once per instance, during init.',
        'zh-cn': '执行方法所在的源文件；文件顶层的代码在每个实例初始化时只跑一次。',
      },
    },
  },
  {
    id: 'context',
    en: 'Context object',
    zh: 'context 参数',
    source: 'Tencent Cloud docs 583/67790 (入参)',
    glossary: {
      section: 'platform',
      guide: 'concepts/functions-and-handlers',
      meaning: {
        en: 'The second handler argument: request id, function name, namespace, remaining time and other facts about this call.',
        'zh-cn': '执行方法的第二个入参，带着请求 ID、函数名、命名空间、剩余时间等本次调用的信息。',
      },
    },
  },
  {
    id: 'runtime',
    en: 'Runtime',
    zh: '运行时',
    accepted: ['云函数 SCF Node.js Runtime 最佳实践', 'Runtime.HandlerNotFound', 'Runtime.ExitError'],
    reject: [/\bRuntime\b/],
    source: 'Issue 16: 运行时 for the concept; 运行环境 is the field in the SCF console (Tencent Cloud docs 583/84282) and is kept for it',
    glossary: {
      section: 'platform',
      guide: 'concepts/functions-and-handlers',
      meaning: {
        en: 'The language version and bootstrap code the platform provides, such as a given Node.js version, that loads and calls your handler; the SCF console calls the setting that picks it 运行环境.',
        'zh-cn': '平台提供的语言版本和启动代码（例如某个 Node.js 版本），负责加载并调用你的执行方法；云函数控制台里选择它的配置项叫“运行环境”。',
      },
    },
  },
  {
    id: 'namespace',
    en: 'Namespace',
    zh: '命名空间',
    source: 'Tencent Cloud docs 583/11637; SCF CLI docs',
    glossary: {
      section: 'platform',
      guide: 'concepts/functions-and-handlers',
      meaning: {
        en: 'A folder-like group for SCF functions inside one region; function names only have to be unique within it.',
        'zh-cn': '同一地域内给 SCF 函数分组用的“文件夹”，函数名只需在命名空间内唯一。',
      },
    },
  },
  {
    id: 'environment-variable',
    en: 'Environment variable',
    zh: '环境变量',
    source: 'Tencent Cloud docs 583/38012',
    glossary: {
      section: 'platform',
      guide: 'concepts/functions-and-handlers',
      meaning: {
        en: 'A key and value set in the function\'s configuration and read through `process.env`, used for settings that must stay out of the code.',
        'zh-cn': '在函数配置里设置、代码中通过 `process.env` 读取的键值对，适合放不该写死在代码里的配置。',
      },
    },
  },
  {
    id: 'web-function',
    en: 'Web function',
    zh: 'Web 函数',
    source: 'serverlesscloud.cn 2021-11-09 (WebSocket)',
    glossary: {
      section: 'platform',
      guide: 'concepts/patterns-and-billing',
      meaning: {
        en: 'An SCF function type that runs an ordinary HTTP server inside the instance instead of a handler that receives event objects.',
        'zh-cn': 'SCF 的一种函数类型：实例里跑的是普通 HTTP 服务，而不是接收 event 对象的执行方法。',
      },
    },
  },
  {
    id: 'layer',
    en: 'Layer',
    zh: '层',
    source: 'Tencent Cloud docs 583/40159',
    glossary: {
      section: 'platform',
      guide: 'concepts/layers',
      meaning: {
        en: 'A zip of shared libraries or files that is bound to functions and unpacked under `/opt` in each instance.',
        'zh-cn': '打包好的公共依赖或文件，绑定到函数后会在每个实例的 `/opt` 下解压。',
      },
    },
  },
  {
    id: 'instance',
    en: 'Instance',
    zh: '实例',
    source: 'Tencent Cloud docs 583/45757',
    glossary: {
      section: 'instances',
      guide: 'concepts/instance-lifecycle',
      meaning: {
        en: 'One isolated copy of your function with its own memory and file system; it handles a single request at a time.',
        'zh-cn': '函数的一份隔离副本，有自己的内存和文件系统，同一时刻只处理一个请求。',
      },
    },
  },
  {
    id: 'init-phase',
    en: 'Init phase',
    zh: '初始化阶段',
    source: 'serverlesscloud.cn 2021-11-09 (WebSocket) (初始化); our wording',
    glossary: {
      section: 'instances',
      guide: 'concepts/instance-lifecycle',
      meaning: {
        en: 'The work an instance does before its first request: loading the runtime and running your module\'s top-level code.',
        'zh-cn': '实例在处理第一个请求之前要做的事：加载运行环境，执行模块顶层代码。',
      },
    },
  },
  {
    id: 'freeze',
    en: 'Freeze',
    zh: '冻结',
    source: 'our choice: no Tencent term found',
    glossary: {
      section: 'instances',
      guide: 'concepts/instance-lifecycle',
      meaning: {
        en: 'Between requests the platform pauses an idle instance, so timers and unfinished promises stop until the next call thaws it.',
        'zh-cn': '两次请求之间平台会把空闲实例挂起，定时器和没完成的 Promise 都停住，等下次调用才继续。',
      },
    },
  },
  {
    id: 'tmp',
    en: 'Temporary disk (/tmp)',
    zh: '临时缓存空间',
    source: 'Tencent Cloud docs 583/11637',
    glossary: {
      section: 'instances',
      guide: 'concepts/instance-lifecycle',
      meaning: {
        en: 'The only writable folder in an instance; its files may survive into the next warm call but are lost when the instance goes.',
        'zh-cn': '实例里唯一可写的目录；文件可能留到下一次热调用，但实例一回收就没了。',
      },
    },
  },
  {
    id: 'warm-start',
    en: 'Warm start',
    zh: '热启动（热调用）',
    source: 'serverlesscloud.cn 2019-07-01 (cold starts) (热调用); 热启动 is common usage',
    glossary: {
      section: 'instances',
      guide: 'concepts/instance-lifecycle',
      meaning: {
        en: 'A request served by an instance that already exists, so it skips the init phase and finds earlier in-memory state.',
        'zh-cn': '请求落到已经存在的实例上，跳过初始化阶段，还能看到之前留在内存里的状态。',
      },
    },
  },
  {
    id: 'cold-start',
    en: 'Cold start',
    zh: '冷启动',
    source: 'meetup recap; serverlesscloud.cn 2019-07-01 (cold starts)',
    glossary: {
      section: 'instances',
      guide: 'concepts/cold-starts',
      meaning: {
        en: 'A request that has to wait while the platform creates a new instance and runs its init phase.',
        'zh-cn': '请求到达时没有可用实例，只能等平台新建实例并跑完初始化阶段。',
      },
    },
  },
  {
    id: 'micro-vm',
    en: 'Lightweight virtual machine',
    zh: '轻量级虚拟机',
    source: 'meetup recap; serverlesscloud.cn 2019-07-01 (cold starts)',
    glossary: {
      section: 'instances',
      guide: 'concepts/cold-starts',
      meaning: {
        en: 'A small VM that isolates tenants like a full one but boots in a fraction of the time, the first of SCF\'s 2019 cold-start fixes.',
        'zh-cn': '隔离性和完整虚拟机一样、启动却快得多的小型虚拟机，是 SCF 2019 年冷启动优化的第一招。',
      },
    },
  },
  {
    id: 'code-cache',
    en: 'Code cache',
    zh: '代码缓存',
    source: 'meetup recap; serverlesscloud.cn 2019-07-01 (cold starts)',
    glossary: {
      section: 'instances',
      guide: 'concepts/cold-starts',
      meaning: {
        en: 'Copies of code packages kept on the VM itself and in each availability zone, so a new instance skips the slow download.',
        'zh-cn': '在虚拟机本地和每个可用区各缓存一份代码包，新实例不必再走慢速下载。',
      },
    },
  },
  {
    id: 'vpc-proxy',
    en: 'VPC forwarding proxy',
    zh: 'VPC 转发代理',
    reject: [/\bproxy\b/i],
    source: 'serverlesscloud.cn 2019-07-02 (VPC) writes 转发 proxy（代理集群）; we write 代理',
    glossary: {
      section: 'instances',
      guide: 'concepts/cold-starts',
      meaning: {
        en: 'A proxy that holds the function\'s network interface in the user\'s private network; a starting instance only opens a tunnel to it instead of waiting seconds for its own.',
        'zh-cn': '由代理持有函数在用户私有网络里的网卡，新实例只需建一条到代理的隧道，不用再花几秒给自己创建网卡。',
      },
    },
  },
  {
    id: 'instance-pre-creation',
    en: 'Instance pre-creation',
    zh: '实例预创建',
    source: 'meetup recap; serverlesscloud.cn 2019-07-01 (cold starts)',
    glossary: {
      section: 'instances',
      guide: 'concepts/cold-starts',
      meaning: {
        en: 'Starting instances ahead of demand, computed from per-second concurrency data, so requests find one ready instead of waiting for a cold start.',
        'zh-cn': '根据秒级上报的并发数据，赶在流量之前把实例启动好，请求来了直接有实例可用，不用等冷启动。',
      },
    },
  },
  {
    id: 'keep-alive',
    en: 'Keep-alive',
    zh: '保活',
    source: 'our choice: SCF does not document its keep-alive',
    glossary: {
      section: 'instances',
      guide: 'concepts/keep-alive',
      meaning: {
        en: 'How long the platform keeps an idle instance before reclaiming it, trading memory held against cold starts avoided.',
        'zh-cn': '空闲实例在被回收前保留多久；留得越久越占内存，回收得越早冷启动越多。',
      },
    },
  },
  {
    id: 'concurrency',
    en: 'Concurrency',
    zh: '并发数',
    source: 'Tencent Cloud docs 583/45757',
    glossary: {
      section: 'scaling',
      guide: 'concepts/concurrency-and-throttling',
      meaning: {
        en: 'The number of requests in flight at one moment, which equals the number of busy instances.',
        'zh-cn': '同一时刻正在处理的请求数，也就是忙着的实例数。',
      },
    },
  },
  {
    id: 'auto-scaling',
    en: 'Auto scaling',
    zh: '自动扩缩容',
    reject: ['扩缩容器'],
    source: 'meetup recap; serverlesscloud.cn 2019-07-01 (cold starts) (自动扩缩容)',
    glossary: {
      section: 'scaling',
      guide: 'concepts/concurrency-and-throttling',
      meaning: {
        en: 'The platform adds instances as traffic grows (scale out) and removes idle ones as it falls (scale in), with no action from you.',
        'zh-cn': '流量上来时平台自动加实例（扩容），流量下去时回收空闲实例（缩容），不需要你操作。',
      },
    },
  },
  {
    id: 'concurrency-quota',
    en: 'Concurrency quota',
    zh: '地域级并发配额',
    source: 'Tencent Cloud docs 583/46743 writes 地域级并发额度; issue 16 settles 配额 for quota, as in the quota page 583/11637 (配额限制)',
    glossary: {
      section: 'scaling',
      guide: 'concepts/concurrency-and-throttling',
      meaning: {
        en: 'The regional ceiling on concurrency shared by all your functions; SCF counts it in megabytes of memory.',
        'zh-cn': '一个地域内所有函数共用的并发上限，SCF 按内存 MB 数计算。',
      },
    },
  },
  {
    id: 'burst-limit',
    en: 'Burst limit',
    zh: '扩容速度上限',
    reject: [/\bburst\b/i],
    source: 'Tencent Cloud docs 583/45757 (函数 burst, described as the scale-out speed limit); we use the Chinese description',
    glossary: {
      section: 'scaling',
      guide: 'concepts/concurrency-and-throttling',
      meaning: {
        en: 'How fast new instances may be added; on SCF, 500 per minute per region by default.',
        'zh-cn': '新增实例的速度限制，SCF 默认每个地域每分钟 500 个。',
      },
    },
  },
  {
    id: 'throttling',
    en: 'Throttling',
    zh: '受限（限流）',
    source: 'serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk); Tencent Cloud docs 583/45757 (受限次数)',
    glossary: {
      section: 'scaling',
      guide: 'concepts/concurrency-and-throttling',
      meaning: {
        en: 'Refusing a request because a quota or the burst limit is reached; SCF answers 432 for the quota and 429 for the burst.',
        'zh-cn': '配额用完或扩容太快时平台直接拒绝请求：SCF 配额耗尽返回 432，超出扩容速度返回 429。',
      },
    },
  },
  {
    id: 'reserved-concurrency',
    en: 'Reserved concurrency',
    zh: '最大独占配额',
    reject: ['保留并发', '保留配额'],
    source: 'Tencent Cloud docs 583/46743 (最大独占配额, SCF); AWS Lambda Chinese docs (预留并发, Lambda); settled in issue 16',
    glossary: {
      section: 'scaling',
      guide: 'concepts/concurrency-and-throttling',
      meaning: {
        en: 'A slice of the shared quota fixed to one function, which both guarantees and caps how far it can scale; SCF calls it 最大独占配额 and Lambda reserved concurrency (预留并发 in its Chinese docs).',
        'zh-cn': '从共享配额里划给某个函数的专属份额，既保证它能扩到这么多，也限制它最多只能扩到这么多；Lambda 上叫预留并发。',
      },
    },
  },
  {
    id: 'provisioned-concurrency',
    en: 'Provisioned concurrency',
    zh: '预置并发',
    source: 'Tencent Cloud docs 583/46743',
    glossary: {
      section: 'scaling',
      guide: 'concepts/provisioned-concurrency',
      meaning: {
        en: 'Instances you ask the platform to start and keep ready before traffic arrives, so those requests start warm.',
        'zh-cn': '让平台提前启动并一直备着的实例，流量来了直接热启动。',
      },
    },
  },
  {
    id: 'version-alias',
    en: 'Version and alias',
    zh: '版本与别名',
    source: 'Tencent Cloud docs 583/46743',
    glossary: {
      section: 'scaling',
      guide: 'concepts/provisioned-concurrency',
      meaning: {
        en: 'A version is a frozen snapshot of code and settings (`$LATEST` is the editable one); an alias is a name that points at one or two versions.',
        'zh-cn': '版本是代码和配置的固定快照（`$LATEST` 是可编辑的那个）；别名是指向一个或两个版本的名字。',
      },
    },
  },
  {
    id: 'idle-fee',
    en: 'Idle provisioned concurrency fee',
    zh: '预置并发闲置费用',
    source: 'Tencent Cloud docs 583/63076',
    glossary: {
      section: 'scaling',
      guide: 'concepts/provisioned-concurrency',
      meaning: {
        en: 'What SCF charges for provisioned instances that sit ready but serve no request.',
        'zh-cn': '预置实例备着但没处理请求时，SCF 收取的费用。',
      },
    },
  },
  {
    id: 'trigger',
    en: 'Trigger',
    zh: '触发器',
    source: 'Tencent Cloud docs',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'A binding that tells the platform which outside event (an HTTP request, a timer, an upload, a message) should invoke the function.',
        'zh-cn': '一种绑定关系，告诉平台哪类外部事件（HTTP 请求、定时、上传文件、消息）要调用这个函数。',
      },
    },
  },
  {
    id: 'event',
    en: 'Event',
    zh: '事件',
    source: 'Tencent Cloud docs 583/67790',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'The JSON object passed to the handler as its first argument; its shape depends on the trigger that sent it.',
        'zh-cn': '作为第一个入参传给执行方法的 JSON 对象，结构由发出它的触发器决定。',
      },
    },
  },
  {
    id: 'sync-invocation',
    en: 'Synchronous invocation',
    zh: '同步调用',
    source: 'Tencent Cloud docs 583/45757, 583/41138',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'A call where the caller waits for the result and gets any error back directly; the platform does not retry.',
        'zh-cn': '调用方一直等着结果，出错也直接返回给它，平台不会重试。',
      },
    },
  },
  {
    id: 'async-invocation',
    en: 'Asynchronous invocation',
    zh: '异步调用',
    source: 'Tencent Cloud docs 583/45757, 583/41138',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'A call the platform accepts into an internal queue and answers at once; it runs the function later and retries on failure.',
        'zh-cn': '平台先把事件放进内部队列并立即应答，稍后再运行函数，失败了由平台重试。',
      },
    },
  },
  {
    id: 'api-gateway-trigger',
    en: 'API Gateway trigger',
    zh: 'API 网关触发器',
    source: 'Tencent Cloud docs 583/107631',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'Turns an HTTP request into an event for the function and the handler\'s return value into the HTTP response.',
        'zh-cn': '把 HTTP 请求转成函数的事件，再把执行方法的返回值转成 HTTP 响应。',
      },
    },
  },
  {
    id: 'function-url',
    en: 'Function URL',
    zh: '函数 URL',
    source: 'Tencent Cloud docs 583/107631',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'An HTTPS address that belongs to the function itself, so HTTP calls need no separate gateway.',
        'zh-cn': '直接属于函数本身的 HTTPS 地址，HTTP 调用不必再经过单独的网关。',
      },
    },
  },
  {
    id: 'cos-trigger',
    en: 'COS trigger',
    zh: 'COS 触发器',
    source: 'SCF CLI TCSAM spec',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'Invokes the function asynchronously when an object is uploaded to or deleted from a Cloud Object Storage bucket.',
        'zh-cn': '对象存储桶里有文件上传或删除时，以异步方式调用函数。',
      },
    },
  },
  {
    id: 'queue-trigger',
    en: 'Message queue trigger',
    zh: '消息队列触发器',
    source: 'Tencent Cloud docs 583/41138',
    glossary: {
      section: 'triggers',
      guide: 'concepts/triggers-and-events',
      meaning: {
        en: 'Delivers messages from a queue or topic service such as CMQ to the function as events.',
        'zh-cn': '把 CMQ 等队列或主题里的消息作为事件投递给函数。',
      },
    },
  },
  {
    id: 'timer-trigger',
    en: 'Timer trigger',
    zh: '定时触发器',
    source: 'Tencent Cloud docs 583/9708',
    glossary: {
      section: 'triggers',
      guide: 'concepts/timers-and-cron',
      meaning: {
        en: 'Invokes the function asynchronously on a schedule written as a cron expression.',
        'zh-cn': '按 Cron 表达式描述的计划，以异步方式调用函数。',
      },
    },
  },
  {
    id: 'cron-expression',
    en: 'Cron expression',
    zh: 'Cron 表达式',
    source: 'Tencent Cloud docs 583/9708; 七字段 settled in issue 16',
    glossary: {
      section: 'triggers',
      guide: 'concepts/timers-and-cron',
      meaning: {
        en: 'A line of time fields that describes a schedule; SCF uses seven fields, with seconds first and the year last.',
        'zh-cn': '用一行时间字段描述执行计划；SCF 用七字段，秒在最前，年在最后。',
      },
    },
  },
  {
    id: 'timeout',
    en: 'Timeout',
    zh: '执行超时时间',
    source: 'Tencent Cloud docs 583/11637; serverlesscloud.cn 2021-11-09 (WebSocket)',
    glossary: {
      section: 'errors',
      guide: 'concepts/timeouts-errors-retries',
      meaning: {
        en: 'The longest a single run may take; when it passes, the platform stops the run and reports an error.',
        'zh-cn': '单次运行允许的最长时间，超过后平台会中止这次运行并报错。',
      },
    },
  },
  {
    id: 'memory-limit',
    en: 'Memory limit (OOM)',
    zh: '内存超限',
    reject: ['内存不足', '内存溢出'],
    source: 'Tencent Cloud docs 583/46743 (内存超限); serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk)',
    glossary: {
      section: 'errors',
      guide: 'concepts/timeouts-errors-retries',
      meaning: {
        en: 'When the process grows past its configured memory the platform kills it at once, and SCF reports status code 434.',
        'zh-cn': '进程占用超过配置的内存时会被平台直接杀掉，SCF 返回状态码 434。',
      },
    },
  },
  {
    id: 'unhandled-error',
    en: 'Unhandled error',
    zh: '未捕获异常（用户代码异常）',
    source: 'Tencent Cloud docs 583/42611 (用户代码异常, 430); MDN zh-CN (Promise 已拒绝)',
    glossary: {
      section: 'errors',
      guide: 'concepts/timeouts-errors-retries',
      meaning: {
        en: 'An exception or rejected promise that escapes the handler; the runtime logs it and marks the call failed (status 430 on SCF).',
        'zh-cn': '从执行方法里漏出来的异常或被拒绝的 Promise；运行环境把它记进日志，并把本次调用标记为失败（云函数状态码 430）。',
      },
    },
  },
  {
    id: 'retry-policy',
    en: 'Retry policy',
    zh: '重试策略',
    source: 'Tencent Cloud docs 583/41138',
    glossary: {
      section: 'errors',
      guide: 'concepts/timeouts-errors-retries',
      meaning: {
        en: 'How many times, and how far apart, the platform runs a failed asynchronous event again; SCF\'s default is 2 retries.',
        'zh-cn': '异步事件失败后平台重跑几次、间隔多久；SCF 默认重试 2 次。',
      },
    },
  },
  {
    id: 'max-retention-time',
    en: 'Maximum retention time',
    zh: '最长保留时间',
    source: 'Tencent Cloud docs 583/41138',
    glossary: {
      section: 'errors',
      guide: 'concepts/timeouts-errors-retries',
      meaning: {
        en: 'How long an asynchronous event may wait for a successful run before the platform gives up on it; 6 hours by default on SCF.',
        'zh-cn': '异步事件等待成功运行的最长时间，超过后平台就放弃它；SCF 默认 6 小时。',
      },
    },
  },
  {
    id: 'dead-letter-queue',
    en: 'Dead-letter queue',
    zh: '死信队列',
    source: 'Tencent Cloud docs 583/41138',
    glossary: {
      section: 'errors',
      guide: 'concepts/timeouts-errors-retries',
      meaning: {
        en: 'The queue where events land after every retry has failed, so you can inspect and replay them.',
        'zh-cn': '重试全部失败后事件的去处，方便事后排查和重放。',
      },
    },
  },
  {
    id: 'at-least-once',
    en: 'At-least-once delivery',
    zh: '至少一次投递',
    source: 'our choice',
    glossary: {
      section: 'errors',
      guide: 'concepts/idempotency',
      meaning: {
        en: 'A delivery promise that never loses an event but may hand over the same one twice.',
        'zh-cn': '保证事件不丢，但同一个事件可能送达不止一次。',
      },
    },
  },
  {
    id: 'idempotency',
    en: 'Idempotency',
    zh: '幂等性',
    source: 'WeChat cloud development docs; Huawei FunctionGraph docs',
    glossary: {
      section: 'errors',
      guide: 'concepts/idempotency',
      meaning: {
        en: 'The property that running the same request twice has the same effect as running it once.',
        'zh-cn': '同一个请求执行两次和执行一次效果相同。',
      },
    },
  },
  {
    id: 'idempotency-key',
    en: 'Idempotency key',
    zh: '幂等键',
    source: 'our choice',
    glossary: {
      section: 'errors',
      guide: 'concepts/idempotency',
      meaning: {
        en: 'A value that stays the same on every repeat of one request, such as an order number, used to spot duplicates.',
        'zh-cn': '同一请求每次重发都不变的值（比如订单号），用来识别重复请求。',
      },
    },
  },
  {
    id: 'conditional-write',
    en: 'Conditional write',
    zh: '条件写入',
    source: 'our choice',
    glossary: {
      section: 'errors',
      guide: 'concepts/idempotency',
      meaning: {
        en: 'A database write that succeeds only if a condition holds, for example "this key does not exist yet", so two racing repeats cannot both win.',
        'zh-cn': '只有条件成立（例如“这个键还不存在”）才会成功的数据库写操作，两个并发的重复请求不可能都写进去。',
      },
    },
  },
  {
    id: 'request-id',
    en: 'Request ID',
    zh: 'RequestId（请求 ID）',
    source: 'serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk); SCF CLI',
    glossary: {
      section: 'observability',
      guide: 'concepts/observability',
      meaning: {
        en: 'The unique id the platform gives each invocation; it appears in the context object and in every log line of that call.',
        'zh-cn': '平台给每次调用分配的唯一 ID，context 参数和本次调用的每行日志里都有它。',
      },
    },
  },
  {
    id: 'logs',
    en: 'Log service (CLS)',
    zh: '日志服务',
    source: 'serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk)',
    glossary: {
      section: 'observability',
      guide: 'concepts/observability',
      meaning: {
        en: 'Tencent Cloud\'s log service; function logs shipped there can be searched more flexibly than in the function console.',
        'zh-cn': '腾讯云的日志服务（CLS）；函数日志投递过去以后，检索方式比云函数控制台灵活得多。',
      },
    },
  },
  {
    id: 'structured-logging',
    en: 'Structured log',
    zh: '结构化日志',
    source: 'common usage',
    glossary: {
      section: 'observability',
      guide: 'concepts/observability',
      meaning: {
        en: 'A log line written as JSON with fixed fields such as level and request id, so a machine can filter it.',
        'zh-cn': '以 JSON 输出、带固定字段（如日志级别、请求 ID）的日志，方便机器过滤。',
      },
    },
  },
  {
    id: 'metrics',
    en: 'Metrics and alarms',
    zh: '监控指标与告警',
    source: 'serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk); serverlesscloud.cn 2019-12-27 (custom metrics)',
    glossary: {
      section: 'observability',
      guide: 'concepts/observability',
      meaning: {
        en: 'Numbers the platform records per function, such as invocations, errors, duration and throttles, and the rules that alert you when they cross a line.',
        'zh-cn': '平台按函数记录的调用次数、错误次数、运行时间、受限次数等数据，以及数值越线时通知你的规则。',
      },
    },
  },
  {
    id: 'tracing',
    en: 'Call-chain tracing',
    zh: '调用链追踪',
    source: 'serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk); serverlesscloud.cn 2021-12-08 (APM)',
    glossary: {
      section: 'observability',
      guide: 'concepts/observability',
      meaning: {
        en: 'Following one request across functions and services, with the time spent in each step.',
        'zh-cn': '跟踪一个请求经过的各个函数和服务，记录每一步花了多少时间。',
      },
    },
  },
  {
    id: 'event-loop',
    en: 'Event loop',
    zh: '事件循环',
    source: 'serverlesscloud.cn 2020-05-12 (Node.js runtime); Tencent Cloud docs 583/67790',
    glossary: {
      section: 'observability',
      guide: 'concepts/node-runtime-monitoring',
      meaning: {
        en: 'The Node.js loop that runs callbacks one after another; any long synchronous work blocks everything queued behind it.',
        'zh-cn': 'Node.js 依次执行回调的循环；一段长时间的同步代码会把排在后面的工作全部卡住。',
      },
    },
  },
  {
    id: 'flame-graph',
    en: 'CPU profile and flame graph',
    zh: 'CPU Profile 与火焰图',
    source: 'meetup recap (做 Profile); 火焰图 is common usage',
    glossary: {
      section: 'observability',
      guide: 'concepts/node-runtime-monitoring',
      meaning: {
        en: 'A sampled record of which functions were on the stack, drawn as stacked bars whose width shows time spent.',
        'zh-cn': '按采样记录当时调用栈上有哪些函数，画成层层堆叠的条形图，宽度代表耗时。',
      },
    },
  },
  {
    id: 'heap-snapshot',
    en: 'Heap snapshot',
    zh: '堆快照',
    source: 'nodejs.cn',
    glossary: {
      section: 'observability',
      guide: 'concepts/node-runtime-monitoring',
      meaning: {
        en: 'A dump of every object in the JavaScript heap, compared across time to find what keeps growing.',
        'zh-cn': '把 JavaScript 堆里的所有对象导出来，前后对比就能找出一直在涨的东西。',
      },
    },
  },
  {
    id: 'memory-leak',
    en: 'Memory leak',
    zh: '内存泄漏',
    source: 'nodejs.cn usage (the seed writes 内存泄露)',
    glossary: {
      section: 'observability',
      guide: 'concepts/node-runtime-monitoring',
      meaning: {
        en: 'Memory that is still referenced but never used again; in a reused instance it grows call after call until the limit.',
        'zh-cn': '仍被引用却再也用不到的内存；在被复用的实例里它会一次比一次多，直到触顶。',
      },
    },
  },
  {
    id: 'local-debugging',
    en: 'Local debugging',
    zh: '本地调试',
    source: 'SCF CLI docs',
    glossary: {
      section: 'tooling',
      guide: 'concepts/local-development',
      meaning: {
        en: 'Running and stepping through a function on your own machine, before deploying it.',
        'zh-cn': '部署之前在自己电脑上运行、单步调试函数。',
      },
    },
  },
  {
    id: 'test-event',
    en: 'Test event',
    zh: '模拟测试事件',
    source: 'SCF CLI docs',
    glossary: {
      section: 'tooling',
      guide: 'concepts/local-development',
      meaning: {
        en: 'A saved sample event, for example an API Gateway request, used to invoke a function by hand or in tests.',
        'zh-cn': '保存下来的示例事件（比如一个 API 网关请求），用来手动调用函数或跑测试。',
      },
    },
  },
  {
    id: 'cli',
    en: 'Command-line tool (CLI)',
    zh: '命令行工具',
    source: 'serverlesscloud.cn 2019-08-20 (developer tools)',
    glossary: {
      section: 'tooling',
      guide: 'concepts/local-development',
      meaning: {
        en: 'A terminal program that deploys, invokes or tests functions; this project ships one called `hello-serverless`.',
        'zh-cn': '在终端里部署、调用或测试函数的程序；本项目自带一个，叫 `hello-serverless`。',
      },
    },
  },
  {
    id: 'exit-code',
    en: 'Exit code',
    zh: '退出码',
    source: 'meetup recap; serverlesscloud.cn 2019-08-20 (developer tools)',
    glossary: {
      section: 'tooling',
      guide: 'concepts/local-development',
      meaning: {
        en: 'The number a process returns when it ends; zero means success, and CI jobs decide pass or fail by it.',
        'zh-cn': '进程结束时返回的数字，0 表示成功，CI 任务就靠它判断通过还是失败。',
      },
    },
  },
  {
    id: 'gb-second',
    en: 'GB-second',
    zh: '资源使用量（GBs）',
    source: 'serverlesscloud.cn 2019-08-23 (Kong Lingfei\'s talk); Tencent Cloud docs 583/63076 (资源使用量, GBs); settled in issue 16',
    glossary: {
      section: 'tooling',
      guide: 'concepts/patterns-and-billing',
      meaning: {
        en: 'The billing unit for running time: configured memory in GB multiplied by the seconds a run lasted.',
        'zh-cn': '运行时长的计费单位：配置内存（GB）乘以本次运行的秒数。',
      },
    },
  },
  {
    id: 'fan-out',
    en: 'Fan-out',
    zh: '扇出',
    source: 'common usage',
    glossary: {
      section: 'tooling',
      guide: 'concepts/patterns-and-billing',
      meaning: {
        en: 'Splitting one job into many messages or calls so that many instances work on the parts at the same time.',
        'zh-cn': '把一个任务拆成很多条消息或调用，让多个实例同时处理各个部分。',
      },
    },
  },
  {
    id: 'connection-pool',
    en: 'Connection pool',
    zh: '连接池',
    source: 'common usage',
    glossary: {
      section: 'tooling',
      guide: 'concepts/patterns-and-billing',
      meaning: {
        en: 'Database connections kept open for reuse; in FaaS every instance has its own pool, so connections multiply with concurrency.',
        'zh-cn': '保持打开、可重复使用的数据库连接；FaaS 里每个实例各有一个池，连接数会随并发成倍增加。',
      },
    },
  },
  {
    id: 'quota',
    en: 'quota',
    zh: '配额',
    accepted: ['免费额度'],
    reject: ['额度'],
    source: 'Tencent Cloud docs 583/11637 (配额限制); settled in issue 16. 免费额度 (free tier) is Tencent\'s billing term and stays',
  },
  {
    id: 'gb-second-unit',
    en: 'GB-second (the unit)',
    zh: 'GBs',
    accepted: ['GB-seconds'],
    reject: ['GB·s', 'GB-s', 'GB 秒', 'GB·秒', 'GB-秒'],
    source: 'Tencent Cloud docs 583/63076 (资源使用量 in GBs); settled in issue 16',
  },
  {
    id: 'scf-cron-fields',
    en: 'seven-field (SCF cron)',
    zh: '七字段',
    reject: ['七段式', '七段', '7 段', '7 个字段', '七个字段', '7 字段'],
    source: 'Tencent Cloud docs 583/9708 (Cron 表达式 with seven fields); settled in issue 16',
  },
  {
    id: 'promise-rejected',
    en: 'rejected (Promise)',
    zh: '被拒绝',
    reject: ['被 reject', /reject 掉/],
    source: 'MDN zh-CN (Promise 已拒绝)',
  },
  {
    id: 'workload-trace',
    en: 'trace (a recorded workload, for simulate --trace)',
    zh: '调用记录',
    accepted: ['Trace ID', '--trace'],
    reject: [/\btrace\b/i],
    source: 'our choice: 调用链 is call tracing, a different thing',
  },
  {
    id: 'batch-message',
    en: 'good and bad messages (in a queue batch)',
    zh: '正常的消息 / 有问题的消息',
    reject: ['好消息', '坏消息'],
    source: 'our choice: 好消息 and 坏消息 read as good and bad news',
  },
  {
    id: 'talk',
    en: 'talk (of the 2019 meetup)',
    zh: '分享',
    reject: ['演讲'],
    source: 'meetup recap (serverlesscloud.cn 2019-08-19) calls each talk a 分享; settled in issue 16',
  },
  {
    id: 'latency',
    en: 'latency',
    zh: '延迟',
    reject: ['延时'],
    source: 'our choice: the common term; 延时 reads as a deliberate delay',
  },
  {
    id: 'hong-kong',
    en: 'Hong Kong (region)',
    zh: '中国香港',
    reject: [/(?<!中国)香港/],
    source: 'Tencent Cloud docs 583/11637 (region list)',
  },
  {
    id: 'dialect',
    en: 'dialect (SCF or Lambda)',
    zh: '平台',
    reject: [/(?:Lambda|SCF|云函数)\s*规范|使用的规范/],
    source: 'our choice, the playground label (dialect: 平台)',
  },
  {
    id: 'simulated-platform',
    en: 'simulated FaaS platform',
    zh: 'FaaS 模拟平台',
    reject: ['函数计算平台'],
    source: 'our choice: 函数计算 is the name of Alibaba Cloud\'s FaaS product',
  },
  {
    id: 'worker-thread',
    en: 'worker thread',
    zh: 'Worker 线程',
    reject: ['worker 线程'],
    source: 'our choice: the class is Worker in Node.js and in browsers',
  },
  {
    id: 'example',
    en: 'example (a worked example)',
    zh: '示例',
    reject: ['估算实例'],
    source: 'our choice: 实例 means an instance everywhere on this site',
  },
  {
    id: 'billed-duration',
    en: 'billed duration',
    zh: '计费时长',
    reject: ['计费时间'],
    source: 'Tencent Cloud docs 583/63076 (计费时长)',
  },
  {
    id: 'init-duration',
    en: 'init duration',
    zh: '初始化耗时',
    reject: ['初始化时间'],
    source: 'our choice: a measured span, like 运行时长',
  },
  {
    id: 'quota-doc',
    en: 'SCF limits (Tencent Cloud docs 583/11637)',
    zh: '云函数配额限制',
    reject: ['云函数使用限制', 'SCF 配额限制'],
    source: 'one name for one cited page: Tencent Cloud docs 583/11637',
  },
  {
    id: 'concurrency-doc',
    en: 'SCF concurrency (Tencent Cloud docs 583/45757)',
    zh: '云函数并发概述',
    reject: ['SCF 并发说明'],
    source: 'one name for one cited page: Tencent Cloud docs 583/45757',
  },
  {
    id: 'meetup-recap',
    en: 'meetup recap (serverlesscloud.cn 2019-08-19)',
    zh: '沙龙回顾',
    reject: ['Serverless 中文网'],
    source: 'one name for one cited article',
  },
  {
    id: 'node-runtime-article',
    en: 'SCF Node.js runtime best practice (serverlesscloud.cn 2020-05-12)',
    zh: '云函数 SCF Node.js Runtime 最佳实践',
    reject: ['云函数 Node.js 运行时最佳实践'],
    source: 'the article\'s own title (serverlesscloud.cn 2020-05-12)',
  },
];

/** The glossary entries of one section, in the order the page lists them. */
export const glossaryTerms = (section: GlossarySection) => terms.filter((term) => term.glossary?.section === section);
