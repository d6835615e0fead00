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
SET odps.sql.hive.compatible=true;
--  ^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.session-flag.mcvpc
SET odps.sql.hbase.version=lindorm;
--  ^^^^^^^^^^^^^^^^^^^^^^ support.variable.session-flag.mcvpc
STORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler'
--         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.class.storage-handler.mcvpc
  STORED BY 'com.aliyun.odps.jdbc.JdbcStorageHandler'
--^^^^^^^^^ keyword.other.stored-by.mcvpc
--           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.class.storage-handler.mcvpc
STORED BY 'com.aliyun.odps.hbase.HBaseStorageHandler'
--         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.class.storage-handler.other.mcvpc - support.class.storage-handler.mcvpc
LOCATION 'jdbc:mysql://rm-x.mysql.rds.aliyuncs.com:3306/db?useSSL=false&user=u&password=<password>&table=orders'
--        ^^^^^^^^^^^^^ constant.other.jdbc-scheme.mcvpc
--                                                         ^^^^^^ variable.parameter.jdbc.mcvpc
--                                                                             ^^^^^^^^ variable.parameter.jdbc.mcvpc
--                                                                                                 ^^^^^ variable.parameter.jdbc.mcvpc
--                     ^^^^^^^^^^ - variable.parameter.jdbc.mcvpc
-- STORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler'
--            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-dash.sql - support.class.storage-handler.mcvpc
