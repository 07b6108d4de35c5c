export { ROOT } from "./paths";
export function hello(): string { return "hi"; }
