export { descendantPids } from "./descendant-pids";
export { endChildrenOnSignal, endingSignal } from "./end-children-on-signal";
