exports.formatPrice = (cents) => `¥${(cents / 100).toFixed(2)}`;
exports.dishLine = (dish) => `${dish.qty} × ${dish.name}`;
