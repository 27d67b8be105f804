export { descendantPids } from "./descendant-pids";
export {
  atSignalDeath,
  endChildrenOnSignal,
  endWithParent,
  endingSignal,
} from "./end-children-on-signal";
export { processIsGone } from "./process-is-gone";
