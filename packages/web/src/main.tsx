import { hydrate } from "preact";
import { App } from "./app.tsx";
import "./styles.css";

const root = document.getElementById("app");
if (!root) throw new Error("the page has no #app element");
hydrate(<App />, root);
