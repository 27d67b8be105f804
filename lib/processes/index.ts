export { descendantPids } from "./descendant-pids";
export { atSignalDeath, endChildrenOnSignal, endingSignal } from "./end-children-on-signal";
