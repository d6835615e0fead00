/** Every product API the emulator serves, routed by version + action. */
import type { ProductApi } from '../action';
import { VPC_API } from './vpc';

export const PRODUCT_APIS: readonly ProductApi[] = [VPC_API];
