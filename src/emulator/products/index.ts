/** Every product API the emulator serves, routed by version + action. */
import type { ProductApi } from '../action';
import { ECS_API } from './ecs';
import { EMR_API } from './emr';
import { HBASE_API } from './hbase';
import { LINDORM_API } from './lindorm';
import { MAXCOMPUTE_API } from './maxcompute';
import { POLARDB_API } from './polardb';
import { RAM_API, STS_API } from './identity';
import { RDS_API } from './rds';
import { VPC_API } from './vpc';

export const PRODUCT_APIS: readonly ProductApi[] = [VPC_API, ECS_API, RDS_API, HBASE_API, EMR_API, POLARDB_API, LINDORM_API, MAXCOMPUTE_API, RAM_API, STS_API];
