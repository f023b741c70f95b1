import type { Context } from 'aws-lambda';

interface Photo {
  key: string;
  sizeKb: number;
}

const makeThumbnail = (photo: Photo) => new Promise<void>((resolve) => setTimeout(resolve, photo.sizeKb));

// 一批里最大的那张照片（约 300 ms），加上返回时必须留着不用的 300 ms，再给繁忙的机器留些富余。
const SAFETY_MARGIN_MS = 800;

export const handler = async (event: { photos: Photo[] }, context: Context) => {
  const done: string[] = [];
  for (const photo of event.photos) {
    // 在开始处理一张照片之前问，而不是处理完再问：一旦开始，它要么跑完，要么一直跑到超时。
    if (context.getRemainingTimeInMillis() < SAFETY_MARGIN_MS) break;
    await makeThumbnail(photo);
    done.push(photo.key);
  }
  const left = event.photos.slice(done.length);
  console.log(`${done.length} done, ${left.length} left, ${context.getRemainingTimeInMillis()} ms to spare`);
  return { done, left };
};
