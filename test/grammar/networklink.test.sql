-- SYNTAX TEST "source.sql" "MaxCompute SQL: the network link session flag and table property"
SET odps.session.networklink=orders_rds;
--  ^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.networklink.mcvpc
--                          ^ punctuation.separator.key-value.mcvpc
--                           ^^^^^^^^^^ entity.name.networklink.mcvpc
-- SET odps.session.networklink=commented_out;
--     ^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-dash.sql - support.variable.networklink.mcvpc
TBLPROPERTIES ('networklink'='orders_rds');
--              ^^^^^^^^^^^ support.variable.networklink.mcvpc
--                            ^^^^^^^^^^ entity.name.networklink.mcvpc
SET spark.hadoop.odps.cupid.eni.enable=true;
--  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.cupid-key.mcvpc
