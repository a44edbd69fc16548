package knowledge

// Message consumers of horizontally scaled workers: each message is
// handled by one replica of many, and a redelivery or a rebalance may
// take the next to another, as a load balancer does with requests.
var (
	// nats: Subscribe and QueueSubscribe callbacks, nats.MsgHandler.
	nats = Framework{
		Name:         "nats",
		Handlers:     []HandlerSig{{Params: []string{"*github.com/nats-io/nats.go.Msg"}}},
		RequestTypes: []string{"*github.com/nats-io/nats.go.Msg"},
		SafeTypes:    []string{"github.com/nats-io/nats.go.Conn"},
		External:     []ExternalCall{{"github.com/nats-io/nats.go.Conn.Publish", StoreQueue, ExtSend, -1, false}},
	}
	// sarama: the ConsumeClaim method of a ConsumerGroupHandler, for the
	// library's current and former import paths.
	sarama = Framework{
		Name: "sarama",
		Handlers: []HandlerSig{
			{Params: []string{"github.com/IBM/sarama.ConsumerGroupSession", "github.com/IBM/sarama.ConsumerGroupClaim"}, Results: []string{"error"}},
			{Params: []string{"github.com/Shopify/sarama.ConsumerGroupSession", "github.com/Shopify/sarama.ConsumerGroupClaim"}, Results: []string{"error"}},
		},
	}
)
