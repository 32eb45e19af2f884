-- Caps (decision 010): the sum of a day's slots' ROS, and each pool of a day.
ALTER TABLE "settings" ADD COLUMN     "max_daily_ros_percentage" DECIMAL(12,8) NOT NULL DEFAULT 100,
ADD COLUMN     "max_pool_amount" DECIMAL(20,8) NOT NULL DEFAULT 1000000;
