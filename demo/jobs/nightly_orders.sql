-- Nightly load of the orders MySQL database through the network link warehouse_link
-- (declared in ../warehouse.mcvpc.yaml). The SET travels with the INSERT: alone it is no job.
SET odps.session.networklink=warehouse_link;
INSERT OVERWRITE TABLE ods_orders
SELECT id, customer_id, amount, created_at FROM mysql_orders;
