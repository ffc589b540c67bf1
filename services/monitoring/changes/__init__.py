"""户籍与成员变动: deaths, moves, births, marriages, splits, merges and cancellations of households."""
