import { layout, type LayoutInput } from './layout';

self.onmessage = (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  self.postMessage({ id: e.data.id, output: layout(e.data.input) });
};
