// SYNTAX TEST "source.java" "Java SparkConf"
class SparkJob { SparkConf conf = new SparkConf().set("spark.hadoop.odps.cupid.vpc.domain.list", "{}"); }
//                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.cupid-key.legacy.mcvpc
