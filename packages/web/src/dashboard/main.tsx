import { render } from "preact";
import "../styles.css";
import "./dashboard.css";
import { Dashboard } from "./dashboard.tsx";

const root = document.getElementById("app");
if (!root) throw new Error("the page has no #app element");
render(<Dashboard />, root);
