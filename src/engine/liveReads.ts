/** The engine reads through the cloud layer's shared reads (one way to read each thing). */
export {
  findGroups,
  readIngress,
  readGroupWithIngress,
  readManagedGroups,
  readLinkInterfaces,
  readGroupInterfaces,
  splitList,
  type ReadOptions,
} from '../cloud/reads';
