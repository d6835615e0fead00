# SYNTAX TEST "source.python" "PySpark and PyODPS: keys inside strings"
spark = SparkSession.builder.config("spark.hadoop.odps.cupid.eni.info", "cn-hangzhou:vpc-bp1abc").getOrCreate()
#                                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.python support.variable.cupid-key.mcvpc
#                                                                        ^^^^^^^^^^^ constant.other.region.mcvpc
#                                                                                    ^^^^^^^^^^ constant.other.vpc-id.mcvpc
o.execute_sql('select 1', hints={'odps.session.networklink': 'orders_rds'})
#                                 ^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.networklink.mcvpc
#                                                             ^^^^^^^^^^ entity.name.networklink.mcvpc
# spark.hadoop.odps.cupid.eni.enable in a comment
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python - support.variable.cupid-key.mcvpc
