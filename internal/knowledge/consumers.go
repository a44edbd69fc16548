package knowledge

// Message consumers of horizontally scaled workers: each message is
// handled by one replica of many, and a redelivery or a rebalance may
// take the next to another, as a load balancer does with requests.
var (
	// nats: Subscribe and QueueSubscribe callbacks, nats.MsgHandler; and
	// workers that read their messages themselves, from sub.NextMsg or a
	// ChanSubscribe channel.
	nats = Framework{
		Name:         "nats",
		Handlers:     []HandlerSig{{Params: []string{"*github.com/nats-io/nats.go.Msg"}}},
		RequestTypes: []string{"*github.com/nats-io/nats.go.Msg"},
		Receives:     []string{"github.com/nats-io/nats.go.Subscription.NextMsg", "github.com/nats-io/nats.go.Subscription.NextMsgWithContext"},
		Messages:     []string{"github.com/nats-io/nats.go.Msg"},
		SafeTypes:    []string{"github.com/nats-io/nats.go.Conn"},
		External:     []ExternalCall{{"github.com/nats-io/nats.go.Conn.Publish", StoreQueue, ExtSend, -1, false}},
	}
	// sarama: the ConsumeClaim method of a ConsumerGroupHandler, for the
	// library's current and former import paths, and loops over a
	// PartitionConsumer's Messages channel.
	sarama = Framework{
		Name: "sarama",
		Handlers: []HandlerSig{
			{Params: []string{"github.com/IBM/sarama.ConsumerGroupSession", "github.com/IBM/sarama.ConsumerGroupClaim"}, Results: []string{"error"}},
			{Params: []string{"github.com/Shopify/sarama.ConsumerGroupSession", "github.com/Shopify/sarama.ConsumerGroupClaim"}, Results: []string{"error"}},
		},
		Messages: []string{"github.com/IBM/sarama.ConsumerMessage", "github.com/Shopify/sarama.ConsumerMessage"},
	}
	// kafka-go: a Reader's ReadMessage or FetchMessage in a loop; the rest
	// of the loop handles the message. Readers and writers are clients of
	// the broker.
	kafkaGo = Framework{
		Name:      "kafka-go",
		Receives:  []string{"github.com/segmentio/kafka-go.Reader.ReadMessage", "github.com/segmentio/kafka-go.Reader.FetchMessage"},
		SafeTypes: []string{"github.com/segmentio/kafka-go.Reader", "github.com/segmentio/kafka-go.Writer"},
		External:  []ExternalCall{{"github.com/segmentio/kafka-go.Writer.WriteMessages", StoreQueue, ExtSend, -1, false}},
	}
	// amqp091: Channel.Consume returns a channel of Deliveries; the body of
	// the loop ranging over it, or the rest of the loop after a receive
	// from it, handles one delivery.
	amqp091 = Framework{
		Name:      "amqp091",
		Messages:  []string{"github.com/rabbitmq/amqp091-go.Delivery"},
		SafeTypes: []string{"github.com/rabbitmq/amqp091-go.Channel", "github.com/rabbitmq/amqp091-go.Connection"},
		External: []ExternalCall{
			{"github.com/rabbitmq/amqp091-go.Channel.Publish", StoreQueue, ExtSend, -1, false},
			{"github.com/rabbitmq/amqp091-go.Channel.PublishWithContext", StoreQueue, ExtSend, -1, false},
		},
	}
)
