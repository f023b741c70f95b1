/**
 * A line break inside a Markdown paragraph becomes a space in HTML. Between two Chinese characters that space is
 * visible and wrong, so writers would have to keep each Chinese paragraph on one very long line. This Markdown
 * plugin removes a line break (and the indentation around it) when the characters on both sides are CJK characters
 * or full-width punctuation, and leaves every other line break alone.
 */
import type { MdastPluginDefinition } from 'satteri';

const cjk = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const breakBetweenCjk = new RegExp(`([${cjk}])[ \\t]*\\n[ \\t]*(?=[${cjk}])`, 'g');

export function joinCjkLines(text: string): string {
  return text.replace(breakBetweenCjk, '$1');
}

export const joinCjkLinesPlugin: MdastPluginDefinition = {
  name: 'hello-serverless-join-cjk-lines',
  text(node, context) {
    const joined = joinCjkLines(node.value);
    if (joined !== node.value) context.setProperty(node, 'value', joined);
  },
};
