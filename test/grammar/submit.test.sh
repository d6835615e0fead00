# SYNTAX TEST "source.shell" "spark-submit --conf arguments"
spark-submit --conf spark.hadoop.odps.cupid.eni.enable=true --conf "spark.hadoop.odps.cupid.eni.info=cn-hangzhou:vpc-bp1abc" app.jar
#                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.cupid-key.mcvpc
#                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.cupid-key.mcvpc
#                                                                                                    ^^^^^^^^^^^ constant.other.region.mcvpc
