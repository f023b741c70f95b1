// 一个夜间任务调用这个函数，传入一批菜单照片，要生成缩略图。每张照片每 KB 大约耗时 1 ms，
// 示例这批共需 3 s，而函数的超时时间是 2 s：Lambda 会在中途把它停掉，任务也无从得知哪些照片已经处理完了。
// 改成盯着时间做：趁还来得及返回结果时停下，并返回
//   { done: <已处理完的照片的 key，按顺序>, left: <还没开始处理的照片，保持传入时的样子> }
// 这样任务就能把 `left` 作为下一批再发过来。要留出安全余量：返回时 2 s 的超时里至少还要剩 300 ms 没用，
// 因为机器忙时会延后，返回结果也需要时间。
import type { Context } from 'aws-lambda';

interface Photo {
  key: string;
  sizeKb: number;
}

// 模拟的处理工作：每 KB 大约 1 ms。保持原样，不要修改。
const makeThumbnail = (photo: Photo) => new Promise<void>((resolve) => setTimeout(resolve, photo.sizeKb));

export const handler = async (event: { photos: Photo[] }, context: Context) => {
  const done: string[] = [];
  for (const photo of event.photos) {
    await makeThumbnail(photo);
    done.push(photo.key);
  }
  return { done, left: [] as Photo[] };
};
