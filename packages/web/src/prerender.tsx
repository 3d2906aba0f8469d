import { renderToString } from "preact-render-to-string";
import { App } from "./app.tsx";

/** The page's HTML as the build writes it into index.html: what a reader sees before any script runs. */
export function prerender(): string {
  return renderToString(<App />);
}
